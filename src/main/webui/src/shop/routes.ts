import type { Screens } from "../nav";

// The shop's screens (a tablet or phone at the counter): the till first, then the shop's books.
export const shop: Screens = {
  routes: [
    { path: "/shop/till", component: () => import("./TillView.vue"), meta: { role: "shop" } },
    { path: "/shop/redemptions", component: () => import("./RedemptionsView.vue"), meta: { role: "shop" } },
    { path: "/shop/statement", component: () => import("./StatementView.vue"), meta: { role: "shop" } },
    { path: "/shop/catalogue", component: () => import("./CatalogueView.vue"), meta: { role: "shop" } },
  ],
  links: [
    { to: "/shop/till", label: "shop.navTill", role: "shop", test: "nav-shop-till" },
    { to: "/shop/redemptions", label: "shop.navRedemptions", role: "shop", test: "nav-shop-redemptions" },
    { to: "/shop/statement", label: "shop.navStatement", role: "shop", test: "nav-shop-statement" },
    { to: "/shop/catalogue", label: "shop.navCatalogue", role: "shop", test: "nav-shop-catalogue" },
  ],
};
