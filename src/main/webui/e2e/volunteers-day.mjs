// A volunteer's own day, on the phone, in Chromium: they claim yesterday's hours, see the claim
// waiting, and after staff approved it (the Java test does, and folds the boards) they find it
// approved and themselves ranked on their community's board. Run by PeoplesDayBrowserTest.
import { check, enter, launch, PHONE, shots, signIn, world } from "./browser.mjs";

const browser = await launch();
try {
  const page = await signIn(browser, world.volunteerToken, PHONE);
  await page.waitForURL("**/volunteer");
  await page.click("[data-test=nav-claims]");
  await page.waitForURL("**/volunteer/claims");
  await page.fill("[data-test=claim-day] input", world.day);
  await page.fill("[data-test=claim-from] input", "09:00");
  await page.fill("[data-test=claim-to] input", "11:30");
  await page.fill("[data-test=claim-description] input", "陪伴独居老人");
  await page.click("[data-test=claim-submit]");
  const result = page.locator("[data-test=claim-result]");
  await result.waitFor();
  const said = await result.innerText();
  check(said.includes("已提交 2 小时 30 分钟的时长申报"), `the claim is acknowledged in hours and minutes: ${said}`);
  check((await page.locator("[data-test=my-claim-status]").first().innerText()) === "待审核", "the claim waits for review");
  await shots(page, "volunteer-claim");

  // the Java side approves it and folds the boards, then tells us to look again
  console.log("claimed");
  await new Promise((resolve) => process.stdin.once("data", resolve));
  process.stdin.destroy(); // an open stdin would keep node alive after the browser closed

  await enter(page, world.volunteerToken);
  await page.waitForURL("**/volunteer");
  await page.click("[data-test=nav-claims]");
  await page.locator("[data-test=my-claim-status]").first().waitFor();
  check((await page.locator("[data-test=my-claim-status]").first().innerText()) === "已通过", "the claim is approved");
  await page.click("[data-test=nav-boards]");
  await page.waitForURL("**/volunteer/boards");
  await page.click("[data-test=period-ALL]");
  const rank = page.locator("[data-test=my-rank]");
  await page.waitForFunction(() => document.querySelector("[data-test=my-rank]")?.textContent?.includes("第"));
  check((await rank.innerText()).includes("我排第 1 名，2 小时 30 分钟"), "the volunteer finds their rank on the community board");
  check(await page.locator("[data-test=board-entry].me").count() === 1, "their own entry is marked on the board");
  await shots(page, "volunteer-boards");
} finally {
  await browser.close();
}
