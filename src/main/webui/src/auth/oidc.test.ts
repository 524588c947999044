import { describe, expect, it } from "vitest";
import type { User } from "oidc-client-ts";
import { adopt, settingsFor } from "./oidc";
import { session } from "./session";

describe("signing in with the organisation's identity provider", () => {
  it("uses the code flow, returns to /login/callback and renews without iframes", () => {
    const s = settingsFor({ issuer: "https://id.example.org", clientId: "timebank" }, "https://tb.example.org");
    expect(s.authority).toBe("https://id.example.org");
    expect(s.client_id).toBe("timebank");
    expect(s.redirect_uri).toBe("https://tb.example.org/login/callback");
    expect(s.post_logout_redirect_uri).toBe("https://tb.example.org/login");
    expect(s.response_type).toBe("code");
    expect(s.automaticSilentRenew).toBe(true);
    expect(s.monitorSession).toBe(false);
  });

  it("a renewed user's access token replaces the session's, an expired one clears it", () => {
    adopt({ access_token: "first", expired: false } as User);
    expect(session.token).toBe("first");
    adopt({ access_token: "renewed", expired: false } as User);
    expect(session.token).toBe("renewed");
    adopt({ access_token: "old", expired: true } as User);
    expect(session.token).toBeNull();
  });
});
