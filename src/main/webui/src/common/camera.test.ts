import { describe, expect, it } from "vitest";
import { cameraTrouble } from "./camera";

describe("a camera that cannot be used is said in words", () => {
  it("a refused permission is 'denied'", () => {
    expect(cameraTrouble(new DOMException("no", "NotAllowedError"))).toBe("denied");
    expect(cameraTrouble({ name: "SecurityError" })).toBe("denied");
  });
  it("a device without a camera is 'noCamera'", () => {
    expect(cameraTrouble({ name: "NotFoundError" })).toBe("noCamera");
    expect(cameraTrouble({ name: "OverconstrainedError" })).toBe("noCamera");
  });
  it("a camera held by another app is 'busy'", () => {
    expect(cameraTrouble({ name: "NotReadableError" })).toBe("busy");
  });
  it("anything else is a plain failure", () => {
    expect(cameraTrouble(new Error("?"))).toBe("failed");
    expect(cameraTrouble(undefined)).toBe("failed");
  });
});
