import { shanghaiTime } from "../lib/format";

/** The day after a day (2026-11-30 -> 2026-12-01), as the calendar has it. */
export function dayAfter(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/**
 * Shanghai days of service, from one day to another inclusive, as the claim list's from and to:
 * from the first day's midnight to the midnight after the last day. Either end may be left open.
 */
export function serviceDays(fromDay?: string | null, toDay?: string | null): { from?: string; to?: string } {
  return {
    from: fromDay ? shanghaiTime(fromDay, "00:00") : undefined,
    to: toDay ? shanghaiTime(dayAfter(toDay), "00:00") : undefined,
  };
}
