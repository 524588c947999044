import type { Screens } from "../nav";

// The volunteer's page (phone first, 360 px wide): a volunteer's phone never downloads the console.
export const volunteer: Screens = {
  routes: [
    { path: "/volunteer", component: () => import("./VolunteerHome.vue"), meta: { role: "volunteer" } },
    { path: "/volunteer/claims", component: () => import("./ClaimHours.vue"), meta: { role: "volunteer" } },
    { path: "/volunteer/boards", component: () => import("./BoardsView.vue"), meta: { role: "volunteer" } },
  ],
  links: [
    { to: "/volunteer", label: "volunteer.navHome", role: "volunteer", test: "nav-home" },
    { to: "/volunteer/claims", label: "volunteer.navClaims", role: "volunteer", test: "nav-claims" },
    { to: "/volunteer/boards", label: "volunteer.navBoards", role: "volunteer", test: "nav-boards" },
  ],
};
