import type { Schemas } from "../api/client";

/**
 * What the desk's one search box asks for: digits (spaces and dashes allowed) are a phone number,
 * found exactly; anything else is the start of a name.
 */
export function searchOf(text: string): Schemas["VolunteerSearch"] {
  const trimmed = text.trim();
  const digits = trimmed.replace(/[\s-]/g, "");
  return /^\+?\d+$/.test(digits) ? { phone: digits } : { namePrefix: trimmed };
}
