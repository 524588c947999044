/** The small rules of the activity screens, kept apart from the components so that Vitest can check them. */

const ZONE = "Asia/Shanghai";

/** An RFC 3339 time as the value of a datetime-local input in Shanghai time: 2026-11-30T14:30. */
export function shanghaiLocal(iso: string | Date): string {
  const d = typeof iso === "string" ? new Date(iso) : iso;
  const parts = new Intl.DateTimeFormat("en-GB", {
    timeZone: ZONE, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23",
  }).formatToParts(d);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? "";
  return `${get("year")}-${get("month")}-${get("day")}T${get("hour")}:${get("minute")}`;
}

/** A datetime-local value, read as Shanghai time, as an RFC 3339 time with its offset. */
export function fromShanghaiLocal(value: string): string {
  return `${value.length === 16 ? `${value}:00` : value}+08:00`;
}

/**
 * What the sheet proposes for a volunteer who came: the activity's start, and its end or now,
 * whichever is earlier (attendance cannot lie in the future).
 */
export function proposedPeriod(startsAt: string, endsAt: string, now: Date = new Date()): { checkIn: string; checkOut: string } {
  const end = new Date(endsAt);
  return { checkIn: shanghaiLocal(startsAt), checkOut: shanghaiLocal(end < now ? end : now) };
}

/** Seconds as a countdown a room can read from afar: 1:59:30, 4:05. */
export function countdown(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const rest = String(s % 60).padStart(2, "0");
  return h > 0 ? `${h}:${String(m).padStart(2, "0")}:${rest}` : `${m}:${rest}`;
}

/** A venue code is renewed this long before it runs out, so that a volunteer scanning it never meets an expired one. */
export const RENEW_BEFORE_SECONDS = 60;

export function renewalDue(secondsLeft: number): boolean {
  return secondsLeft <= RENEW_BEFORE_SECONDS;
}
