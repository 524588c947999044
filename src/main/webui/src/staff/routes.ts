import type { Screens } from "../nav";

// The staff console (desk): each screen is its own chunk.
export const staff: Screens = {
  routes: [
    { path: "/staff/claims", component: () => import("./ClaimQueue.vue"), meta: { role: "staff", desk: true } },
    { path: "/staff/activities", component: () => import("./ActivityList.vue"), meta: { role: "staff", desk: true } },
    { path: "/staff/activities/:id(\\d+)", component: () => import("./ActivitySheet.vue"), meta: { role: "staff", desk: true } },
    { path: "/staff/activities/:id(\\d+)/code", component: () => import("./VenueCode.vue"), meta: { role: "staff", bare: true } },
    { path: "/staff/services", component: () => import("./ServiceDesk.vue"), meta: { role: "staff", desk: true } },
    { path: "/staff/services/new", component: () => import("./PostForResident.vue"), meta: { role: "staff", desk: true } },
    { path: "/staff/liability", component: () => import("./LiabilityView.vue"), meta: { role: "staff", desk: true } },
    { path: "/staff/pool", component: () => import("./PoolView.vue"), meta: { role: "staff", desk: true } },
    { path: "/staff/volunteers", component: () => import("./VolunteerSearch.vue"), meta: { role: "staff", desk: true } },
    { path: "/staff/volunteers/:id(\\d+)", component: () => import("./VolunteerView.vue"), props: true, meta: { role: "staff", desk: true } },
  ],
  links: [
    { to: "/staff/claims", label: "staff.navClaims", role: "staff", test: "nav-staff-claims" },
    { to: "/staff/volunteers", label: "staff.navVolunteers", role: "staff", test: "nav-staff-volunteers" },
    { to: "/staff/activities", label: "staffActivities.nav", role: "staff", test: "nav-staff-activities" },
    { to: "/staff/services", label: "staffService.nav", role: "staff", test: "nav-staff-services" },
    { to: "/staff/liability", label: "liability.nav", role: "staff", test: "nav-staff-liability" },
    { to: "/staff/pool", label: "staffPool.nav", role: "staff", test: "nav-staff-pool" },
  ],
};
