import { describe, expect, it } from "vitest";
import { checkInPeriod, venueCode } from "./checkin";

describe("venueCode", () => {
  it("takes the code as it is, in capitals", () => {
    expect(venueCode(" k7px3m ")).toBe("K7PX3M");
  });
  it("finds the code in a link or in tagged text", () => {
    expect(venueCode("https://timebank.example/checkin?activity=12&code=K7PX3M")).toBe("K7PX3M");
    expect(venueCode("timebank:checkin:12:K7PX3M")).toBe("K7PX3M");
  });
});

describe("checkInPeriod", () => {
  const start = "2026-11-30T09:00:00+08:00";
  const end = "2026-11-30T12:00:00+08:00";
  it("is nothing before the activity starts", () => {
    expect(checkInPeriod(start, end, Date.parse("2026-11-30T08:59:00+08:00"))).toBeNull();
  });
  it("runs from the start to now while the activity goes on, in Shanghai time", () => {
    expect(checkInPeriod(start, end, Date.parse("2026-11-30T02:40:30Z"))).toEqual({ day: "2026-11-30", from: "09:00", to: "10:40" });
  });
  it("runs to the end once the activity is over", () => {
    expect(checkInPeriod(start, end, Date.parse("2026-11-30T15:00:00+08:00"))).toEqual({ day: "2026-11-30", from: "09:00", to: "12:00" });
  });
});
