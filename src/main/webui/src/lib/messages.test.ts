import { describe, expect, it } from "vitest";
import admin from "../admin/messages";
import common from "../common/messages";
import shop from "../shop/messages";
import staff from "../staff/messages";
import volunteer from "../volunteer/messages";

function keys(tree: object, prefix = ""): string[] {
  return Object.entries(tree).flatMap(([k, v]) =>
    typeof v === "object" && v !== null ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`]);
}

describe("every screen speaks both languages", () => {
  for (const [name, part] of Object.entries({ admin, common, shop, staff, volunteer })) {
    it(`${name}: English has exactly the Chinese keys`, () => {
      expect(keys(part.en).sort()).toEqual(keys(part["zh-CN"]).sort());
    });
  }
});
