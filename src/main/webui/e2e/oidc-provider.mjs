// A real, certified OpenID Provider (panva's oidc-provider) for the sign-in test: started by
// OidcSignInBrowserTest before the service, on 127.0.0.1:$PORT, with one public PKCE client whose
// redirect URI is the service's /login/callback ($APP). Its dev login form takes any name; a name
// like "staff-42" signs in a staff member serving region 42, "volunteer-7" volunteer 7, "shop-3"
// an operator of shop 3. Access tokens are RS256 JWTs for the service, with the groups, regions
// and shop claims the service reads. Prints "ready <issuer>" once it listens.
import Provider from "oidc-provider";
import { generateKeyPairSync } from "node:crypto";

const port = Number(process.env.PORT);
const app = process.env.APP.replace(/\/$/, "");
const issuer = `http://127.0.0.1:${port}`;
const API = "urn:timebank:api";
// short-lived access tokens let the test see the app renew them with the refresh token
const ttl = Number(process.env.ACCESS_TTL ?? 600);

const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
const jwk = { ...privateKey.export({ format: "jwk" }), kid: "test", use: "sig", alg: "RS256" };

function claimsOf(accountId) {
  const [, role, id] = /^(staff|volunteer|shop)-(\d+)$/.exec(accountId) ?? [];
  if (role === "staff") return { groups: ["staff"], regions: [Number(id)] };
  if (role === "shop") return { groups: ["shop"], shop: id };
  if (role === "volunteer") return { groups: ["volunteer"] };
  return { groups: [] };
}

const provider = new Provider(issuer, {
  clients: [{
    client_id: "timebank-web",
    token_endpoint_auth_method: "none",
    application_type: "web",
    redirect_uris: [`${app}/login/callback`],
    post_logout_redirect_uris: [`${app}/login`],
    grant_types: ["authorization_code", "refresh_token"],
    response_types: ["code"],
  }],
  jwks: { keys: [jwk] },
  pkce: { required: () => true },
  findAccount: (_ctx, sub) => ({ accountId: sub, claims: () => ({ sub }) }),
  features: {
    devInteractions: { enabled: true },
    resourceIndicators: {
      enabled: true,
      defaultResource: () => API,
      useGrantedResource: () => true,
      getResourceServerInfo: () => ({
        scope: "timebank", audience: API, accessTokenFormat: "jwt", accessTokenTTL: ttl, jwt: { sign: { alg: "RS256" } },
      }),
    },
  },
  extraTokenClaims: (_ctx, token) => claimsOf(token.accountId),
  issueRefreshToken: (_ctx, client) => client.grantTypeAllowed("refresh_token"),
  clientBasedCORS: (_ctx, origin) => origin === new URL(app).origin,
  // a first-party client: the test signs in without a consent screen
  loadExistingGrant: async (ctx) => {
    const id = ctx.oidc.result?.consent?.grantId || ctx.oidc.session.grantIdFor(ctx.oidc.client.clientId);
    if (id) return ctx.oidc.provider.Grant.find(id);
    const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client.clientId, accountId: ctx.oidc.session.accountId });
    grant.addOIDCScope("openid offline_access");
    grant.addResourceScope(API, "timebank");
    await grant.save();
    return grant;
  },
});
provider.proxy = false;
provider.listen(port, "127.0.0.1", () => console.log(`ready ${issuer}`));
