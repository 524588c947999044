import { describe, expect, it } from "vitest";
import { childLevel } from "./region";

describe("the level of a new region", () => {
  it("is the level below its parent's, down to the community", () => {
    expect(childLevel("CITY")).toBe("DISTRICT");
    expect(childLevel("DISTRICT")).toBe("STREET");
    expect(childLevel("STREET")).toBe("COMMUNITY");
  });
  it("does not exist under a community", () => {
    expect(childLevel("COMMUNITY")).toBeNull();
  });
});
