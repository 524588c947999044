import { describe, expect, it } from "vitest";
import { countdown, fromShanghaiLocal, proposedPeriod, renewalDue, shanghaiLocal } from "./sheet";

describe("the attendance sheet's times", () => {
  it("shows a time as Shanghai's wall clock", () => {
    expect(shanghaiLocal("2026-11-30T06:05:00Z")).toBe("2026-11-30T14:05");
    expect(shanghaiLocal("2026-11-30T23:30:00+08:00")).toBe("2026-11-30T23:30");
  });

  it("reads a wall-clock time back with Shanghai's offset", () => {
    expect(fromShanghaiLocal("2026-11-30T14:05")).toBe("2026-11-30T14:05:00+08:00");
    expect(new Date(fromShanghaiLocal(shanghaiLocal("2026-11-30T06:05:00Z"))).toISOString()).toBe("2026-11-30T06:05:00.000Z");
  });

  it("proposes the activity's time, ending now while it still runs", () => {
    const now = new Date("2026-11-30T07:00:00Z");
    expect(proposedPeriod("2026-11-30T13:00:00+08:00", "2026-11-30T17:00:00+08:00", now))
      .toEqual({ checkIn: "2026-11-30T13:00", checkOut: "2026-11-30T15:00" });
    expect(proposedPeriod("2026-11-29T13:00:00+08:00", "2026-11-29T17:00:00+08:00", now))
      .toEqual({ checkIn: "2026-11-29T13:00", checkOut: "2026-11-29T17:00" });
  });
});

describe("the venue code's countdown", () => {
  it("reads as hours, minutes and seconds", () => {
    expect(countdown(7170)).toBe("1:59:30");
    expect(countdown(245)).toBe("4:05");
    expect(countdown(-3)).toBe("0:00");
  });

  it("asks for a new code a minute before the old one runs out", () => {
    expect(renewalDue(61)).toBe(false);
    expect(renewalDue(60)).toBe(true);
    expect(renewalDue(0)).toBe(true);
  });
});
