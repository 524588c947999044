// A day of the time bank's people, in Chromium: staff approve claims in one batch (a double click
// sends one request), the volunteer sees the points and shows a payment code as a QR code, and the
// cashier reads that code and charges it. Run by PeoplesDayBrowserTest against the service it starts;
// the world (tokens, expected amounts) comes in WORLD as JSON. Screenshots go to SCREENSHOTS.
import { check, DESK, enter, launch, PHONE, readQr, shot, signIn, world } from "./browser.mjs";

const browser = await launch();
try {
  // community staff clear the queue: select every claim, approve them in one batch, double-clicked
  const staff = await signIn(browser, world.staffToken, DESK);
  await staff.waitForURL("**/staff/claims");
  const rows = staff.locator("[data-test=claims] .el-table__body tr");
  await rows.first().waitFor();
  check(await rows.count() === world.claims, `the queue lists the ${world.claims} pending claims`);
  await shot(staff, "staff-claim-queue-desk");
  await staff.locator("[data-test=claims] .el-table__header .el-checkbox").click();
  let decisionRequests = 0;
  staff.on("request", (r) => { if (r.url().endsWith("/api/v1/hour-claims/decisions")) decisionRequests++; });
  await staff.locator("[data-test=approve]").dblclick();
  const outcome = staff.locator("[data-test=outcome]");
  await outcome.waitFor();
  check((await outcome.innerText()).includes(`已通过 ${world.claims} 条，0 条失败`), "the batch says what it did, in words");
  check(decisionRequests === 1, "a double click sent one batch");
  await shot(staff, "staff-claims-approved-desk");

  // the volunteer sees the points on their phone
  const volunteer = await signIn(browser, world.volunteerToken, PHONE);
  await volunteer.waitForURL("**/volunteer");
  const available = volunteer.locator("[data-test=points-available]");
  await available.waitFor();
  check((await available.innerText()).trim() === String(world.pointsAfterApproval),
    `the volunteer's page shows ${world.pointsAfterApproval} points`);
  check((await volunteer.locator("[data-test=hours]").innerText()).includes("小时"), "hours are said in 小时");
  await volunteer.click("[data-test=show-code]");
  await volunteer.locator("[data-test=payment-qr]").waitFor();
  const decoded = await readQr(volunteer, "[data-test=payment-qr]");
  await shot(volunteer, "volunteer-page-phone");
  const shown = (await volunteer.locator("[data-test=payment-code-text]").innerText()).trim();
  check(decoded === shown, "the QR code holds the payment code shown under it");

  // the cashier reads the code and charges it
  const till = await signIn(browser, world.shopToken, PHONE);
  await till.waitForURL("**/shop/till");
  await till.fill("[data-test=code] input", decoded);
  await till.fill("[data-test=points] input", String(world.charge));
  await till.click("[data-test=charge]");
  const result = till.locator("[data-test=till-result]");
  await result.waitFor();
  check((await result.innerText()).includes(`已扣 ${world.charge} 积分`), "the till says the points were charged");
  await shot(till, "shop-till-phone");

  await enter(volunteer, world.volunteerToken);
  await volunteer.waitForURL("**/volunteer");
  await volunteer.locator("[data-test=points-available]").waitFor();
  check((await volunteer.locator("[data-test=points-available]").innerText()).trim()
    === String(world.pointsAfterApproval - world.charge), "the volunteer's page shows what is left");
} finally {
  await browser.close();
}
