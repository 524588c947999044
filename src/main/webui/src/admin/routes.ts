import type { Screens } from "../nav";

// The administrators' screens (desk): rules, imports, audit.
export const admin: Screens = {
  routes: [
    { path: "/admin/import", component: () => import("./ImportView.vue"), meta: { role: "admin", desk: true } },
  ],
  links: [
    { to: "/admin/import", label: "admin.navImport", role: "admin", test: "nav-admin-import" },
  ],
};
