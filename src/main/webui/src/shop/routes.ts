import type { Screens } from "../nav";

// The shop till (tablet or phone at the counter).
export const shop: Screens = {
  routes: [
    { path: "/shop/till", component: () => import("./TillView.vue"), meta: { role: "shop" } },
  ],
  links: [
    { to: "/shop/till", label: "shop.navTill", role: "shop", test: "nav-shop-till" },
  ],
};
