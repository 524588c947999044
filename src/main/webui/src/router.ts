import { createRouter, createWebHistory } from "vue-router";
import { session } from "./auth/session";
import { admin } from "./admin/routes";
import { shop } from "./shop/routes";
import { staff } from "./staff/routes";
import { volunteer } from "./volunteer/routes";

declare module "vue-router" {
  interface RouteMeta {
    /** who the screen is for; without a token it sends to sign-in */
    role?: string;
    /** a desk screen: the console's menu beside it */
    desk?: boolean;
    /** shown alone, full screen (the venue's check-in code on a projector) */
    bare?: boolean;
  }
}

/** Every user's screens; their menus are built from the same lists. */
export const screens = [volunteer, staff, shop, admin];

export const router = createRouter({
  history: createWebHistory(),
  routes: [
    { path: "/", redirect: "/login" },
    { path: "/login", component: () => import("./common/LoginView.vue") },
    { path: "/login/callback", component: () => import("./common/LoginCallback.vue") },
    ...screens.flatMap((s) => s.routes),
    { path: "/:rest(.*)*", redirect: "/login" },
  ],
});

router.beforeEach((to) => {
  if (to.meta.role && !session.token) {
    return { path: "/login", query: { next: to.fullPath } };
  }
  return true;
});
