import { reactive } from "vue";
import type { components } from "../api/schema";

type Me = components["schemas"]["Me"];

/**
 * Who is signed in. The token stays in memory only (never in localStorage): a reload signs out, and
 * nothing a script injected into the page could read survives the tab.
 */
export const session = reactive<{ token: string | null; me: Me | null }>({ token: null, me: null });

export function signOut(): void {
  session.token = null;
  session.me = null;
}

export function hasRole(role: string): boolean {
  return (session.me?.roles ?? []).includes(role as never);
}

/** Where a person lands after signing in: their own screen. */
export function homeOf(me: Me): string {
  const roles = (me.roles ?? []) as string[];
  if (roles.includes("shop")) return "/shop/till";
  if (roles.includes("staff")) return "/staff/claims";
  if (roles.includes("admin")) return "/admin/regions";
  return "/volunteer";
}
