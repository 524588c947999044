import type { Screens } from "../nav";

// The volunteer's page (phone first, 360 px wide): a volunteer's phone never downloads the console.
export const volunteer: Screens = {
  routes: [
    { path: "/volunteer", component: () => import("./VolunteerHome.vue"), meta: { role: "volunteer" } },
    { path: "/volunteer/claims", component: () => import("./ClaimHours.vue"), meta: { role: "volunteer" } },
    { path: "/volunteer/activities", component: () => import("./ActivitiesView.vue"), meta: { role: "volunteer" } },
    { path: "/volunteer/give", component: () => import("./GiveView.vue"), meta: { role: "volunteer" } },
    { path: "/volunteer/boards", component: () => import("./BoardsView.vue"), meta: { role: "volunteer" } },
    { path: "/volunteer/services", component: () => import("./ServicesView.vue"), meta: { role: "volunteer" } },
    { path: "/volunteer/services/new", component: () => import("./PostNeed.vue"), meta: { role: "volunteer" } },
    { path: "/volunteer/services/profile", component: () => import("./ServiceProfile.vue"), meta: { role: "volunteer" } },
    { path: "/volunteer/family", component: () => import("./FamilyView.vue"), meta: { role: "volunteer" } },
  ],
  links: [
    { to: "/volunteer", label: "volunteer.navHome", role: "volunteer", test: "nav-home" },
    { to: "/volunteer/services", label: "service.nav", role: "volunteer", test: "nav-services" },
    { to: "/volunteer/claims", label: "volunteer.navClaims", role: "volunteer", test: "nav-claims" },
    { to: "/volunteer/activities", label: "volunteer.navActivities", role: "volunteer", test: "nav-activities" },
    { to: "/volunteer/give", label: "volunteer.navGive", role: "volunteer", test: "nav-give" },
    { to: "/volunteer/boards", label: "volunteer.navBoards", role: "volunteer", test: "nav-boards" },
    { to: "/volunteer/family", label: "family.nav", role: "volunteer", test: "nav-family" },
  ],
};
