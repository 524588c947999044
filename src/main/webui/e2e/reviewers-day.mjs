// Two reviewers and an import, in Chromium: a claim over eight hours needs a second staff member
// (the first approval leaves it awaiting review, the second posts it), and an opening-balance file
// with one bad line names that line and imports nothing. Run by PeoplesDayBrowserTest.
import { base, check, DESK, launch, shots, signIn, world } from "./browser.mjs";

const browser = await launch();
try {
  async function approveAll(token) {
    const page = await signIn(browser, token, DESK);
    await page.waitForURL("**/staff/claims");
    await page.locator("[data-test=claims] .el-table__body tr").first().waitFor();
    await page.locator("[data-test=claims] .el-table__header .el-checkbox").click();
    await page.locator("[data-test=approve]").click();
    await page.locator("[data-test=outcome]").waitFor();
    return page;
  }
  const first = await approveAll(world.firstReviewer);
  check((await first.locator("[data-test=outcome]").innerText()).includes("1 条已初审，待另一位工作人员复核"),
    "the first approval of a long claim says it awaits a second reviewer");
  const second = await approveAll(world.secondReviewer);
  check((await second.locator("[data-test=outcome]").innerText()).includes("已通过 1 条，0 条失败"),
    "the second reviewer's approval posts it");

  const admin = await signIn(browser, world.adminToken, DESK);
  await admin.waitForURL("**/admin/regions");
  await admin.click("[data-test=nav-admin-import]");
  await admin.waitForURL("**/admin/import");
  await admin.fill("[data-test=import-csv]", world.csv);
  await admin.click("[data-test=import]");
  const problem = admin.locator("[data-test=import-problem]");
  await problem.waitFor();
  const lines = await admin.locator("[data-test=import-line-error]").allInnerTexts();
  check(lines.length === 1 && lines[0].startsWith("第 3 行"), "the bad line is named: " + lines.join(" | "));
  check((await problem.innerText()).includes("本次没有导入任何一行"), "the page says nothing was imported");
  await shots(admin, "admin-import-error");

  // the sign-in page of dev mode and tests: the demo identities, and a field for a token
  const context = await browser.newContext({ viewport: DESK, locale: "zh-CN", timezoneId: "Asia/Shanghai" });
  const signInPage = await context.newPage();
  await signInPage.goto(`${base}/login`);
  await signInPage.locator("[data-test=token]").waitFor();
  await signInPage.locator("[data-test^=demo-]").first().waitFor();
  await shots(signInPage, "sign-in");
} finally {
  await browser.close();
}
