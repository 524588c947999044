import { describe, expect, it } from "vitest";
import { dayAfter, serviceDays } from "./days";

describe("service days", () => {
  it("a day is followed by the next, across months and leap days", () => {
    expect(dayAfter("2026-11-30")).toBe("2026-12-01");
    expect(dayAfter("2028-02-28")).toBe("2028-02-29");
    expect(dayAfter("2026-12-31")).toBe("2027-01-01");
  });

  it("a range of days runs from the first midnight to the midnight after the last, in Shanghai", () => {
    expect(serviceDays("2026-11-29", "2026-11-30")).toEqual({
      from: "2026-11-29T00:00:00+08:00", to: "2026-12-01T00:00:00+08:00",
    });
  });

  it("an end left open is not sent", () => {
    expect(serviceDays(undefined, "2026-11-30")).toEqual({ from: undefined, to: "2026-12-01T00:00:00+08:00" });
    expect(serviceDays(null, null)).toEqual({ from: undefined, to: undefined });
  });
});
