/**
 * The staff's side of service requests: which ones wait for them (disputed, or escalated for not
 * being confirmed in time while the hours are still held), and the resolution they send.
 */
export type Decision = "POST_FULL" | "POST_PART" | "VOID";

export interface RequestLike {
  id: number;
  status?: string;
  expectedMinutes: number;
  escalatedAt?: string | null;
}

/** A request staff may resolve: disputed, or escalated while the payer's hours are still held. */
export function resolvable(r: RequestLike): boolean {
  return r.status === "DISPUTED" || (!!r.escalatedAt && (r.status === "ACCEPTED" || r.status === "COMPLETED"));
}

/** The requests waiting for staff, from the disputed and the escalated lists, each once, oldest number first. */
export function waiting<T extends RequestLike>(...lists: T[][]): T[] {
  const seen = new Map<number, T>();
  for (const r of lists.flat()) {
    if (resolvable(r) && !seen.has(r.id)) seen.set(r.id, r);
  }
  return [...seen.values()].sort((a, b) => a.id - b.id);
}

/**
 * The resolution to send, or what is missing: POST_PART needs whole minutes from 1 up to those
 * held; every decision needs a reason. The minutes posted and released are returned for the words.
 */
export function resolution(decision: Decision, minutes: number | undefined, reason: string, expected: number):
  { body: { decision: Decision; minutes?: number; reason: string }; posted: number; released: number } | "reason" | "minutes" {
  const words = reason.trim();
  if (decision === "POST_PART" && (minutes === undefined || !Number.isInteger(minutes) || minutes < 1 || minutes > expected)) {
    return "minutes";
  }
  if (!words) return "reason";
  const posted = decision === "VOID" ? 0 : decision === "POST_FULL" ? expected : (minutes as number);
  return {
    body: { decision, reason: words, ...(decision === "POST_PART" ? { minutes } : {}) },
    posted,
    released: expected - posted,
  };
}

/**
 * Ending a request at the desk (a resident phoned in): staff cancel an open request freely and a
 * taken one with a reason, the hold released; a taken one not yet reported can be recorded as a
 * no-show (the volunteer did not come), the hold released. A disputed one is settled instead.
 */
export type Ending = "cancel" | "noShow";

export function endings(r: RequestLike): Ending[] {
  const ends: Ending[] = [];
  if (r.status === "OPEN" || r.status === "ACCEPTED" || r.status === "COMPLETED") ends.push("cancel");
  if (r.status === "ACCEPTED") ends.push("noShow");
  return ends;
}

/** The body to send, or "reason" when a cancellation of a taken request has none. */
export function ending(kind: Ending, reason: string, r: RequestLike): { reason?: string } | "reason" {
  const words = reason.trim();
  if (kind === "cancel" && r.status !== "OPEN" && !words) return "reason";
  return words ? { reason: words } : {};
}
