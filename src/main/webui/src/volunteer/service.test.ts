import { describe, expect, it } from "vitest";
import { linkView, minutesOf, needWindow, payerOf, profileBody, reportable, stepsFor, type RequestLike } from "./service";

const base: RequestLike = { status: "OPEN", requesterId: 1, payerType: "SELF", expectedMinutes: 60 };

describe("the steps a volunteer is offered", () => {
  it("an open need: others may take it, its requester may cancel it", () => {
    expect(stepsFor(base, 2)).toEqual(["accept"]);
    expect(stepsFor(base, 1)).toEqual(["cancel"]);
  });

  it("the family member who pays may not take the need they pay for", () => {
    const family: RequestLike = { ...base, payerType: "FAMILY", payerVolunteerId: 3 };
    expect(stepsFor(family, 3)).toEqual([]);
    expect(stepsFor(family, 2)).toEqual(["accept"]);
  });

  it("taken: the provider reports the minutes, either side cancels with a reason, records a no-show or disputes", () => {
    const taken: RequestLike = { ...base, status: "ACCEPTED", providerId: 2 };
    expect(stepsFor(taken, 2)).toEqual(["report", "cancel", "noShow", "dispute"]);
    expect(stepsFor(taken, 1)).toEqual(["cancel", "noShow", "dispute"]);
    expect(stepsFor(taken, 9)).toEqual([]);
  });

  it("reported: only the requester confirms; the paying family member may dispute", () => {
    const done: RequestLike = { ...base, status: "COMPLETED", providerId: 2, minutesServed: 45, payerType: "FAMILY", payerVolunteerId: 3 };
    expect(stepsFor(done, 1)).toEqual(["confirm", "cancel", "dispute"]);
    expect(stepsFor(done, 2)).toEqual(["cancel", "dispute"]);
    expect(stepsFor(done, 3)).toEqual(["dispute"]);
  });

  it("disputed or ended: nothing more to do on the phone", () => {
    for (const status of ["DISPUTED", "CONFIRMED", "RESOLVED", "CANCELLED", "NO_SHOW", "EXPIRED"] as const) {
      expect(stepsFor({ ...base, status, providerId: 2 }, 1)).toEqual([]);
      expect(stepsFor({ ...base, status, providerId: 2 }, 2)).toEqual([]);
    }
  });
});

describe("what the page says and checks", () => {
  it("the minutes reported are whole, from 1 up to those held", () => {
    expect(reportable("45", 60)).toBe(45);
    expect(reportable(" 60 ", 60)).toBe(60);
    expect(reportable("61", 60)).toBeNull();
    expect(reportable("0", 60)).toBeNull();
    expect(reportable("4.5", 60)).toBeNull();
    expect(reportable("", 60)).toBeNull();
  });

  it("who pays, from the volunteer's side", () => {
    expect(payerOf(base, 1)).toEqual({ kind: "me" });
    expect(payerOf(base, 2)).toEqual({ kind: "requester", id: 1 });
    expect(payerOf({ ...base, payerType: "FAMILY", payerVolunteerId: 3 }, 2)).toEqual({ kind: "family", id: 3 });
    expect(payerOf({ ...base, payerType: "FAMILY", payerVolunteerId: 3 }, 3)).toEqual({ kind: "me" });
    expect(payerOf({ ...base, payerType: "COMMUNITY_POOL" }, 1)).toEqual({ kind: "pool" });
  });

  it("a need's window is a Shanghai day between two times, the end after the start", () => {
    expect(needWindow("2026-12-01", "09:00", "11:30")).toEqual({ startsAt: "2026-12-01T09:00:00+08:00", endsAt: "2026-12-01T11:30:00+08:00" });
    expect(needWindow("2026-12-01", "11:00", "09:00")).toBe("order");
    expect(needWindow("2026-12-01", "09:00", "09:00")).toBe("order");
    expect(needWindow("", "09:00", "10:00")).toBe("missing");
  });

  it("hours and minutes typed apart make minutes", () => {
    expect(minutesOf("1", "30")).toBe(90);
    expect(minutesOf("", "45")).toBe(45);
    expect(minutesOf("2", "")).toBe(120);
    expect(minutesOf("1", "60")).toBe(0);
    expect(minutesOf("x", "10")).toBe(0);
  });
});

describe("a family link from either side", () => {
  const link = { requestedBy: 1, memberId: 2, status: "PENDING" as const, requesterLimitMinutes: 600, memberLimitMinutes: null };

  it("the member confirms a pending link; its requester waits", () => {
    expect(linkView(link, 2)).toMatchObject({ other: 1, canConfirm: true, waiting: false, myLimit: null, theirLimit: 600 });
    expect(linkView(link, 1)).toMatchObject({ other: 2, canConfirm: false, waiting: true, myLimit: 600, theirLimit: null });
  });

  it("a removed link offers nothing", () => {
    expect(linkView({ ...link, status: "REMOVED" }, 1)).toMatchObject({ canConfirm: false, canRemove: false });
  });
});

describe("a service profile", () => {
  it("sends each skill once and the slots by day and time", () => {
    expect(profileBody(["CLEANING", "MEAL_DELIVERY", "CLEANING"], [
      { weekday: "FRIDAY", from: "14:00", to: "17:00" },
      { weekday: "MONDAY", from: "09:00", to: "11:30" },
    ])).toEqual({
      skills: ["CLEANING", "MEAL_DELIVERY"],
      availability: [{ weekday: "MONDAY", from: "09:00", to: "11:30" }, { weekday: "FRIDAY", from: "14:00", to: "17:00" }],
    });
    expect(profileBody([], [])).toEqual({ skills: [], availability: [] });
  });

  it("names the first slot that is not a time, ends before it starts, or starts twice on a day", () => {
    expect(profileBody([], [{ weekday: "MONDAY", from: "", to: "11:00" }])).toEqual({ problem: "time", slot: 0 });
    expect(profileBody([], [{ weekday: "MONDAY", from: "09:00", to: "11:00" }, { weekday: "MONDAY", from: "12:00", to: "12:00" }]))
      .toEqual({ problem: "order", slot: 1 });
    expect(profileBody([], [{ weekday: "MONDAY", from: "09:00", to: "11:00" }, { weekday: "MONDAY", from: "09:00", to: "10:00" }]))
      .toEqual({ problem: "twice", slot: 1 });
    expect(profileBody([], [{ weekday: "MONDAY", from: "09:00", to: "11:00" }, { weekday: "TUESDAY", from: "09:00", to: "10:00" }]))
      .not.toHaveProperty("problem");
  });
});
