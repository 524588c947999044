import type { Screens } from "../nav";

// The staff console (desk): each screen is its own chunk.
export const staff: Screens = {
  routes: [
    { path: "/staff/claims", component: () => import("./ClaimQueue.vue"), meta: { role: "staff", desk: true } },
  ],
  links: [
    { to: "/staff/claims", label: "staff.navClaims", role: "staff", test: "nav-staff-claims" },
  ],
};
