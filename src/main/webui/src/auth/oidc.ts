import type { User, UserManager, UserManagerSettings } from "oidc-client-ts";
import type { OidcConfig } from "./config";
import { session } from "./session";

/**
 * Authorization Code with PKCE against the organisation's identity provider. oidc-client-ts is
 * loaded only when the service names a provider, so dev mode and the volunteer's phone never pay for it.
 */
export function settingsFor(config: OidcConfig, origin: string): Omit<UserManagerSettings, "userStore"> {
  return {
    authority: config.issuer,
    client_id: config.clientId,
    redirect_uri: `${origin}/login/callback`,
    post_logout_redirect_uri: `${origin}/login`,
    response_type: "code",
    scope: "openid",
    // renewal goes through the refresh token: the service's CSP forbids framing, so no iframes
    automaticSilentRenew: true,
    monitorSession: false,
    loadUserInfo: false,
  };
}

let manager: Promise<UserManager> | null = null;

export function oidc(config: OidcConfig): Promise<UserManager> {
  manager ??= import("oidc-client-ts").then(({ UserManager, WebStorageStateStore, InMemoryWebStorage }) => {
    const m = new UserManager({
      ...settingsFor(config, window.location.origin),
      // tokens in memory only; the PKCE verifier and state must survive the redirect, so they stay in sessionStorage
      userStore: new WebStorageStateStore({ store: new InMemoryWebStorage() }),
    });
    m.events.addUserLoaded(adopt);
    m.events.addUserUnloaded(() => { session.token = null; session.me = null; });
    m.events.addSilentRenewError(() => { session.token = null; });
    return m;
  });
  return manager;
}

/** A signed-in (or renewed) user's access token becomes the session's. */
export function adopt(user: User | null): void {
  session.token = user && !user.expired ? user.access_token : null;
}

/** Clears the session; ends the provider's session too when it has an end-session endpoint. */
export async function signOutOfProvider(): Promise<boolean> {
  if (!manager) return false;
  const m = await manager;
  const user = await m.getUser();
  await m.removeUser();
  const endSession = await m.metadataService.getEndSessionEndpoint().catch(() => undefined);
  if (!endSession || !user) return false;
  await m.signoutRedirect({ id_token_hint: user.id_token });
  return true;
}
