/**
 * What a volunteer may do with a service request, from where it stands and the volunteer's part in
 * it. It mirrors the API's rules (ServiceRequest.java) so that the page offers only the steps the
 * API would take; the API still decides, and its refusal is shown in its own words.
 */
export type Status = "OPEN" | "ACCEPTED" | "COMPLETED" | "DISPUTED" | "CONFIRMED" | "RESOLVED" | "CANCELLED" | "NO_SHOW" | "EXPIRED";
export type Step = "accept" | "report" | "confirm" | "cancel" | "dispute" | "noShow";
export type Part = "requester" | "payer" | "provider";

/** The fields of a request these rules read. */
export interface RequestLike {
  status?: Status;
  requesterId: number;
  payerType?: "SELF" | "FAMILY" | "COMMUNITY_POOL";
  payerVolunteerId?: number | null;
  providerId?: number | null;
  expectedMinutes: number;
  minutesServed?: number | null;
  postedMinutes?: number | null;
}

/** The volunteer's parts in a request: requester, payer (paying with their hours), provider. */
export function partsOf(r: RequestLike, me: number): Set<Part> {
  const parts = new Set<Part>();
  if (r.requesterId === me) parts.add("requester");
  if (r.payerType === "FAMILY" && r.payerVolunteerId === me) parts.add("payer");
  if (r.providerId != null && r.providerId === me) parts.add("provider");
  return parts;
}

/** The steps offered to the volunteer, in the order the page shows them (the usual one first). */
export function stepsFor(r: RequestLike, me: number): Step[] {
  const parts = partsOf(r, me);
  const requester = parts.has("requester");
  const provider = parts.has("provider");
  const side = requester || provider || parts.has("payer");
  const held = r.status === "ACCEPTED" || r.status === "COMPLETED";
  const steps: Step[] = [];
  if (r.status === "OPEN" && !requester && !parts.has("payer")) steps.push("accept");
  if (r.status === "ACCEPTED" && provider) steps.push("report");
  if (r.status === "COMPLETED" && requester && !provider) steps.push("confirm");
  if ((r.status === "OPEN" && requester) || (held && (requester || provider))) steps.push("cancel");
  if (r.status === "ACCEPTED" && (requester || provider)) steps.push("noShow");
  if (held && side) steps.push("dispute");
  return steps;
}

/** A cancellation needs a reason once a volunteer has taken the request (their time was promised). */
export function cancelNeedsReason(r: RequestLike): boolean {
  return r.status !== "OPEN";
}

/** The minutes a provider may report: a whole number from 1 up to the minutes held; null otherwise. */
export function reportable(text: string, expected: number): number | null {
  const t = text.trim();
  if (!/^\d{1,4}$/.test(t)) return null;
  const n = Number(t);
  return n >= 1 && n <= expected ? n : null;
}

/** Who pays, as the page says it: "me", a family member by number, or the community's pool. */
export type Payer = { kind: "me" } | { kind: "family"; id: number } | { kind: "requester"; id: number } | { kind: "pool" };

export function payerOf(r: RequestLike, me: number): Payer {
  if (r.payerType === "COMMUNITY_POOL") return { kind: "pool" };
  if (r.payerType === "FAMILY" && r.payerVolunteerId != null) {
    return r.payerVolunteerId === me ? { kind: "me" } : { kind: "family", id: r.payerVolunteerId };
  }
  return r.requesterId === me ? { kind: "me" } : { kind: "requester", id: r.requesterId };
}

/** The window of a need: a Shanghai day with two times of day, as RFC 3339 times, or a reason it is not one. */
export function needWindow(day: string, from: string, to: string): { startsAt: string; endsAt: string } | "missing" | "order" {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || !/^\d{2}:\d{2}$/.test(from) || !/^\d{2}:\d{2}$/.test(to)) return "missing";
  if (to <= from) return "order";
  return { startsAt: `${day}T${from}:00+08:00`, endsAt: `${day}T${to}:00+08:00` };
}

/** Minutes from hours and minutes typed apart (both whole, the minutes below 60); 0 when either is not. */
export function minutesOf(hours: string, minutes: string): number {
  const h = hours.trim() === "" ? 0 : /^\d{1,2}$/.test(hours.trim()) ? Number(hours.trim()) : NaN;
  const m = minutes.trim() === "" ? 0 : /^\d{1,2}$/.test(minutes.trim()) ? Number(minutes.trim()) : NaN;
  if (Number.isNaN(h) || Number.isNaN(m) || m >= 60) return 0;
  return h * 60 + m;
}

/**
 * The other side of a family link, seen from the volunteer, and what the volunteer may do with it:
 * confirm (a pending link naming them), withdraw or decline (pending), remove (confirmed), and set
 * what their own hours pay for the other each month.
 */
export interface LinkLike {
  requestedBy: number;
  memberId: number;
  status?: "PENDING" | "CONFIRMED" | "REMOVED";
  requesterLimitMinutes?: number | null;
  memberLimitMinutes?: number | null;
}

export function linkView(l: LinkLike, me: number) {
  const mine = l.requestedBy === me;
  return {
    other: mine ? l.memberId : l.requestedBy,
    canConfirm: l.status === "PENDING" && l.memberId === me,
    canRemove: l.status !== "REMOVED",
    /** pending and asked by me: waiting for the other to confirm */
    waiting: l.status === "PENDING" && mine,
    /** the most my hours pay for the other each month, null for no limit */
    myLimit: (mine ? l.requesterLimitMinutes : l.memberLimitMinutes) ?? null,
    /** the most their hours pay for me */
    theirLimit: (mine ? l.memberLimitMinutes : l.requesterLimitMinutes) ?? null,
  };
}

/**
 * A volunteer's service profile as the page edits it: the categories they can serve and weekly
 * slots when they are usually free (Shanghai time), which the "needs that fit me" list matches.
 */
export const WEEKDAYS = ["MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY"] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export interface SlotDraft {
  weekday: Weekday;
  from: string;
  to: string;
}

/**
 * The profile to send (skills each once, slots by day and time), or the first slot that is wrong:
 * "time" (not hh:mm), "order" (it does not end after it starts), "twice" (another slot of the
 * same day starts at the same time).
 */
export function profileBody(skills: string[], slots: SlotDraft[]):
  { skills: string[]; availability: SlotDraft[] } | { problem: "time" | "order" | "twice"; slot: number } {
  const hhmm = /^([01]\d|2[0-3]):[0-5]\d$/;
  const seen = new Set<string>();
  for (const [i, s] of slots.entries()) {
    if (!hhmm.test(s.from) || !hhmm.test(s.to)) return { problem: "time", slot: i };
    if (s.to <= s.from) return { problem: "order", slot: i };
    if (seen.has(`${s.weekday} ${s.from}`)) return { problem: "twice", slot: i };
    seen.add(`${s.weekday} ${s.from}`);
  }
  const order = (s: SlotDraft) => `${WEEKDAYS.indexOf(s.weekday)} ${s.from}`;
  return {
    skills: [...new Set(skills)],
    availability: [...slots].sort((a, b) => order(a).localeCompare(order(b))).map((s) => ({ ...s })),
  };
}
