import type { RouteRecordRaw } from "vue-router";

/**
 * A link in a menu of screens: where it goes, the message key of its label, the role that may use
 * it (the menu hides what a role cannot do; the API still enforces every rule), and its test hook.
 */
export interface NavLink {
  to: string;
  label: string;
  role: "staff" | "admin" | "shop" | "volunteer";
  test: string;
}

/** The screens of one user: their routes and the links of their menu. */
export interface Screens {
  routes: RouteRecordRaw[];
  links: NavLink[];
}
