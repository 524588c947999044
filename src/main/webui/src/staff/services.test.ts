import { describe, expect, it } from "vitest";
import { ending, endings, resolution, resolvable, waiting } from "./services";

describe("the requests waiting for staff", () => {
  it("disputed ones, and escalated ones whose hours are still held", () => {
    expect(resolvable({ id: 1, status: "DISPUTED", expectedMinutes: 60 })).toBe(true);
    expect(resolvable({ id: 2, status: "COMPLETED", expectedMinutes: 60, escalatedAt: "2026-11-30T10:00:00+08:00" })).toBe(true);
    expect(resolvable({ id: 3, status: "COMPLETED", expectedMinutes: 60 })).toBe(false);
    expect(resolvable({ id: 4, status: "CONFIRMED", expectedMinutes: 60, escalatedAt: "2026-11-30T10:00:00+08:00" })).toBe(false);
  });

  it("each once, from both lists, in the order of their numbers", () => {
    const disputed = { id: 7, status: "DISPUTED", expectedMinutes: 60, escalatedAt: "x" };
    const escalated = { id: 3, status: "ACCEPTED", expectedMinutes: 30, escalatedAt: "x" };
    const settled = { id: 5, status: "RESOLVED", expectedMinutes: 30, escalatedAt: "x" };
    expect(waiting([disputed], [escalated, disputed, settled]).map((r) => r.id)).toEqual([3, 7]);
  });
});

describe("a resolution", () => {
  it("posts in full, in part or nothing, and says what is released", () => {
    expect(resolution("POST_FULL", undefined, " 已上门 ", 60)).toEqual({ body: { decision: "POST_FULL", reason: "已上门" }, posted: 60, released: 0 });
    expect(resolution("POST_PART", 45, "只做了一部分", 60)).toEqual({ body: { decision: "POST_PART", minutes: 45, reason: "只做了一部分" }, posted: 45, released: 15 });
    expect(resolution("VOID", 45, "没有上门", 60)).toEqual({ body: { decision: "VOID", reason: "没有上门" }, posted: 0, released: 60 });
  });

  it("asks for minutes within those held, and always for a reason", () => {
    expect(resolution("POST_PART", undefined, "x", 60)).toBe("minutes");
    expect(resolution("POST_PART", 61, "x", 60)).toBe("minutes");
    expect(resolution("POST_PART", 0, "x", 60)).toBe("minutes");
    expect(resolution("POST_FULL", undefined, "  ", 60)).toBe("reason");
  });
});

describe("ending a request at the desk", () => {
  it("cancels an open or taken request and records a no-show only before the report", () => {
    expect(endings({ id: 1, status: "OPEN", expectedMinutes: 60 })).toEqual(["cancel"]);
    expect(endings({ id: 2, status: "ACCEPTED", expectedMinutes: 60 })).toEqual(["cancel", "noShow"]);
    expect(endings({ id: 3, status: "COMPLETED", expectedMinutes: 60 })).toEqual(["cancel"]);
    expect(endings({ id: 4, status: "DISPUTED", expectedMinutes: 60 })).toEqual([]);
    expect(endings({ id: 5, status: "CANCELLED", expectedMinutes: 60 })).toEqual([]);
  });

  it("asks for a reason to cancel a taken request, not an open one nor a no-show", () => {
    expect(ending("cancel", "  ", { id: 2, status: "ACCEPTED", expectedMinutes: 60 })).toBe("reason");
    expect(ending("cancel", " 居民住院 ", { id: 2, status: "ACCEPTED", expectedMinutes: 60 })).toEqual({ reason: "居民住院" });
    expect(ending("cancel", "", { id: 1, status: "OPEN", expectedMinutes: 60 })).toEqual({});
    expect(ending("noShow", "", { id: 2, status: "ACCEPTED", expectedMinutes: 60 })).toEqual({});
  });
});
