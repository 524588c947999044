import { createRouter, createWebHistory } from "vue-router";
import { session } from "./auth/session";

// Each user's screens are their own chunk: a volunteer's phone never downloads the staff console.
export const router = createRouter({
  history: createWebHistory(),
  routes: [
    { path: "/", redirect: "/login" },
    { path: "/login", component: () => import("./common/LoginView.vue") },
    { path: "/login/callback", component: () => import("./common/LoginCallback.vue") },
    { path: "/volunteer", component: () => import("./volunteer/VolunteerHome.vue"), meta: { role: "volunteer" } },
    { path: "/volunteer/claims", component: () => import("./volunteer/ClaimHours.vue"), meta: { role: "volunteer" } },
    { path: "/volunteer/boards", component: () => import("./volunteer/BoardsView.vue"), meta: { role: "volunteer" } },
    { path: "/staff/claims", component: () => import("./staff/ClaimQueue.vue"), meta: { role: "staff" } },
    { path: "/shop/till", component: () => import("./shop/TillView.vue"), meta: { role: "shop" } },
    { path: "/admin/import", component: () => import("./admin/ImportView.vue"), meta: { role: "admin" } },
    { path: "/:rest(.*)*", redirect: "/login" },
  ],
});

router.beforeEach((to) => {
  if (to.meta.role && !session.token) {
    return { path: "/login", query: { next: to.fullPath } };
  }
  return true;
});
