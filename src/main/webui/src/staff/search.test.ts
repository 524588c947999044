import { describe, expect, it } from "vitest";
import { searchOf } from "./search";

describe("the volunteer search box", () => {
  it("finds a phone number typed with spaces or dashes by the number", () => {
    expect(searchOf(" 138 1234-5678 ")).toEqual({ phone: "13812345678" });
  });

  it("finds anything else by the start of the name", () => {
    expect(searchOf(" 张晓 ")).toEqual({ namePrefix: "张晓" });
    expect(searchOf("Li 3")).toEqual({ namePrefix: "Li 3" });
  });
});
