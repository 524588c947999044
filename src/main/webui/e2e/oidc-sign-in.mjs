// Signing in through the organisation's identity provider (a real oidc-provider, see oidc-provider.mjs):
// the button on /login, the provider's login form, back at /login/callback, the staff queue signed
// in with the JWT access token the provider issued; then signing out ends the provider's session too.
import { base, check, DESK, launch, shot, world } from "./browser.mjs";

const browser = await launch();
try {
  const context = await browser.newContext({ viewport: DESK, locale: "zh-CN", timezoneId: "Asia/Shanghai" });
  const page = await context.newPage();
  page.on("pageerror", (e) => console.error(`page error: ${e.message}`));
  page.on("console", (m) => { if (m.type() === "error") console.error(`console: ${m.text()}`); });
  page.on("response", (r) => { if (r.status() >= 400) console.error(`http ${r.status()}: ${r.url()}`); });
  const me = page.waitForResponse((r) => r.url().endsWith("/api/v1/me"), { timeout: 30000 });

  await page.goto(`${base}/login`);
  const button = page.locator("[data-test=oidc-sign-in]");
  await button.waitFor({ timeout: 15000 });
  check((await button.innerText()).includes("使用单位账号登录"), "the sign-in page offers the organisation account");
  await button.click();

  await page.waitForURL(`${world.issuer}/**`);
  check(true, "the browser went to the identity provider");
  await page.fill("input[name=login]", world.login);
  await page.fill("input[name=password]", "any");
  await page.click("button[type=submit]");

  await page.waitForURL("**/staff/claims", { timeout: 30000 });
  const answer = await me;
  check(answer.status() === 200, "the service accepted the provider's access token (GET /api/v1/me is 200)");
  const body = await answer.json();
  check((body.staffRegions ?? []).some((r) => r.id === world.region),
    `the token's regions claim reached the service: staff of region ${world.region} (${JSON.stringify(body.staffRegions)})`);
  await page.locator("h1", { hasText: "待审核时长" }).waitFor({ timeout: 15000 });
  check(true, "the staff queue shows, signed in");
  await shot(page, "oidc-signed-in-staff-queue");

  const renewal = await page.waitForResponse((r) => r.url() === `${world.issuer}/token`
    && (r.request().postData() ?? "").includes("grant_type=refresh_token"), { timeout: 60000 });
  check(renewal.status() === 200, "the app renewed the access token silently, with the refresh token");
  const renewed = await renewal.json();
  check(typeof renewed.access_token === "string" && renewed.access_token.split(".").length === 3, "the renewed token is a JWT");
  await page.waitForTimeout(500);
  check(await page.locator("[data-test=sign-out]").isVisible() && page.url().endsWith("/staff/claims"), "still signed in after the renewal");

  await page.click("[data-test=sign-out]");
  await page.waitForURL(`${world.issuer}/**`);
  check(true, "signing out ends the provider's session");
  await page.locator("button[type=submit], button[name=logout]").first().click();
  await page.waitForURL("**/login", { timeout: 15000 });
  await page.locator("[data-test=oidc-sign-in]").waitFor({ timeout: 15000 });
  check(true, "back on the sign-in page, signed out");
} finally {
  await browser.close();
}
