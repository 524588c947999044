/** The volunteer's own check-in at a venue: what the venue's QR code says, and the period it claims. */

const ZONE = "Asia/Shanghai";
const day = new Intl.DateTimeFormat("en-CA", { timeZone: ZONE, year: "numeric", month: "2-digit", day: "2-digit" });
const clock = new Intl.DateTimeFormat("en-GB", { timeZone: ZONE, hour: "2-digit", minute: "2-digit", hour12: false });

/**
 * The check-in code in what a venue's QR code holds: the code itself (K7PX3M), or a link or text
 * that carries it (…?code=K7PX3M, timebank:checkin:12:K7PX3M): a `code` parameter, else the last word.
 */
export function venueCode(text: string): string {
  const trimmed = text.trim();
  const param = /[?&#]code=([A-Za-z0-9]+)/.exec(trimmed);
  if (param) return param[1].toUpperCase();
  const words = trimmed.match(/[A-Za-z0-9]+/g);
  return (words ? words[words.length - 1] : trimmed).toUpperCase();
}

/**
 * The period a check-in claims by default: from the activity's start to its end, or to now while it
 * is still going on (a claim may not end in the future); null before the activity has started.
 * Day and times are Shanghai's, as the time fields show them.
 */
export function checkInPeriod(startsAt: string, endsAt: string, now: number = Date.now()):
    { day: string; from: string; to: string } | null {
  const start = new Date(startsAt).getTime();
  if (Number.isNaN(start) || now <= start) return null;
  const end = Math.min(new Date(endsAt).getTime(), now);
  return { day: day.format(start), from: clock.format(start), to: clock.format(end) };
}
