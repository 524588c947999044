import type { Screens } from "../nav";

// The staff console (desk): each screen is its own chunk.
export const staff: Screens = {
  routes: [
    { path: "/staff/claims", component: () => import("./ClaimQueue.vue"), meta: { role: "staff", desk: true } },
    { path: "/staff/volunteers", component: () => import("./VolunteerSearch.vue"), meta: { role: "staff", desk: true } },
    { path: "/staff/volunteers/:id(\\d+)", component: () => import("./VolunteerView.vue"), props: true, meta: { role: "staff", desk: true } },
  ],
  links: [
    { to: "/staff/claims", label: "staff.navClaims", role: "staff", test: "nav-staff-claims" },
    { to: "/staff/volunteers", label: "staff.navVolunteers", role: "staff", test: "nav-staff-volunteers" },
  ],
};
