import { describe, expect, it } from "vitest";
import { newAction } from "./action";

describe("one user action, one Idempotency-Key", () => {
  it("a retry of the action sends the key of its first try", async () => {
    const action = newAction();
    const sent: string[] = [];
    await action.run(async (key) => sent.push(key));
    await action.run(async (key) => sent.push(key));
    expect(sent).toHaveLength(2);
    expect(sent[0]).toBe(sent[1]);
    expect(sent[0]).toMatch(/^[0-9a-f]{32}$/);
  });

  it("a double tap while the first is running sends nothing", async () => {
    const action = newAction();
    let release!: () => void;
    let calls = 0;
    const first = action.run(() => { calls++; return new Promise<void>((r) => (release = r)); });
    const second = await action.run(async () => { calls++; });
    expect(second).toBeUndefined();
    release();
    await first;
    expect(calls).toBe(1);
  });

  it("two actions have two keys", () => {
    expect(newAction().key).not.toBe(newAction().key);
  });
});

describe("a screen's actions, by the request they send", () => {
  it("the same request again is the same action; a changed or finished one is new", async () => {
    const { actionsByRequest } = await import("./action");
    const actions = actionsByRequest();
    const first = actions.for("approve:1,2");
    expect(actions.for("approve:1,2").key).toBe(first.key);
    expect(actions.for("approve:1,2,3").key).not.toBe(first.key);
    actions.done("approve:1,2");
    expect(actions.for("approve:1,2").key).not.toBe(first.key);
  });
});
