/**
 * One user action (a tap on "approve", "pay", "refund"): its Idempotency-Key is made once, when the
 * action starts, and sent again on every retry of it, so a double tap or a dropped connection never
 * acts twice. A second tap while the first is still running is ignored.
 */
export interface Action {
  readonly key: string;
  readonly running: boolean;
  /** Runs the request with this action's key; a tap while it runs returns undefined without sending. */
  run<T>(request: (key: string) => Promise<T>): Promise<T | undefined>;
}

export function newKey(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

export function newAction(key: string = newKey()): Action {
  let running = false;
  return {
    key,
    get running() {
      return running;
    },
    async run<T>(request: (key: string) => Promise<T>): Promise<T | undefined> {
      if (running) {
        return undefined;
      }
      running = true;
      try {
        return await request(key);
      } finally {
        running = false;
      }
    },
  };
}

/**
 * The actions of one screen, by the request they send: the same request sent again (a retry, a
 * second tap after a failure) is the same action with the same key; a changed request is a new
 * one; a request that succeeded is done, and sending it again is a new action.
 */
export function actionsByRequest() {
  const actions = new Map<string, Action>();
  return {
    for(request: string): Action {
      let action = actions.get(request);
      if (!action) {
        action = newAction();
        actions.set(request, action);
      }
      return action;
    },
    done(request: string): void {
      actions.delete(request);
    },
  };
}
