import { describe, expect, it } from "vitest";
import { formatMinutes, formatTime, secondsUntil } from "./format";

describe("hours are said in hours and minutes", () => {
  it("never as a fraction", () => {
    expect(formatMinutes(450, "zh-CN")).toBe("7 小时 30 分钟");
    expect(formatMinutes(450, "en")).toBe("7 h 30 min");
  });
  it("without the part that is zero", () => {
    expect(formatMinutes(120, "zh-CN")).toBe("2 小时");
    expect(formatMinutes(45, "zh-CN")).toBe("45 分钟");
    expect(formatMinutes(0, "zh-CN")).toBe("0 分钟");
  });
  it("with a sign when owed", () => {
    expect(formatMinutes(-90, "zh-CN")).toBe("-1 小时 30 分钟");
  });
});

describe("times are Shanghai times", () => {
  it("whatever the offset they come in", () => {
    expect(formatTime("2026-11-30T06:30:00Z", "zh-CN")).toBe("2026年11月30日 14:30");
    expect(formatTime("2026-11-30T14:30:00+08:00", "en")).toBe("30 Nov 2026, 14:30");
  });
  it("a countdown never goes below zero", () => {
    const now = Date.parse("2026-11-30T14:30:00+08:00");
    expect(secondsUntil("2026-11-30T14:32:00+08:00", now)).toBe(120);
    expect(secondsUntil("2026-11-30T14:00:00+08:00", now)).toBe(0);
  });
});

describe("a day and a time of day are Shanghai's", () => {
  it("sent with their offset", async () => {
    const { shanghaiTime } = await import("./format");
    expect(shanghaiTime("2026-11-29", "09:30")).toBe("2026-11-29T09:30:00+08:00");
  });
});
