import { describe, expect, it } from "vitest";
import { shanghaiMonth, statementFileName } from "./statement";

describe("the statement's month", () => {
  it("is Shanghai's month, which starts eight hours before UTC's", () => {
    expect(shanghaiMonth(new Date("2026-11-30T15:59:00Z"))).toBe("2026-11");
    expect(shanghaiMonth(new Date("2026-11-30T16:00:00Z"))).toBe("2026-12");
    expect(shanghaiMonth(new Date("2026-12-31T16:30:00Z"))).toBe("2027-01");
  });
  it("names the downloaded file after the shop and the month", () => {
    expect(statementFileName(7, "2026-11")).toBe("shop-7-2026-11.csv");
  });
});
