import type { Screens } from "../nav";

// The administrators' screens (desk): the region tree, rules, budgets, imports, audit.
export const admin: Screens = {
  routes: [
    { path: "/admin/regions", component: () => import("./RegionsView.vue"), meta: { role: "admin", desk: true } },
    { path: "/admin/rules", component: () => import("./RulesView.vue"), meta: { role: "admin", desk: true } },
    { path: "/admin/budget", component: () => import("./BudgetView.vue"), meta: { role: "admin", desk: true } },
    { path: "/admin/import", component: () => import("./ImportView.vue"), meta: { role: "admin", desk: true } },
    { path: "/admin/ledger", component: () => import("./LedgerView.vue"), meta: { role: "admin", desk: true } },
  ],
  links: [
    { to: "/admin/regions", label: "admin.navRegions", role: "admin", test: "nav-admin-regions" },
    { to: "/admin/rules", label: "admin.navRules", role: "admin", test: "nav-admin-rules" },
    { to: "/admin/budget", label: "admin.navBudget", role: "admin", test: "nav-admin-budget" },
    { to: "/admin/import", label: "admin.navImport", role: "admin", test: "nav-admin-import" },
    { to: "/admin/ledger", label: "admin.navLedger", role: "admin", test: "nav-admin-ledger" },
  ],
};
