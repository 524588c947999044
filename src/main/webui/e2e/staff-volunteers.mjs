// A community worker's morning at the desk, in Chromium: they narrow the approval queue to one
// activity and yesterday, see a volunteer's recent claims beside a claim, find a volunteer by phone,
// register a new one, open a volunteer's page (balance, history), keep them off the leaderboards,
// reverse an approved claim with a reason, and move them to the neighbouring community.
// Run by StaffVolunteersBrowserTest, which checks the effects through the API afterwards.
import { check, DESK, launch, PHONE, shot, signIn, world } from "./browser.mjs";

const browser = await launch();
try {
  const page = await signIn(browser, world.staffToken, DESK);
  await page.waitForURL("**/staff/claims");
  const rows = page.locator("[data-test=claims] .el-table__body tr");
  await page.locator(`[data-test=recent-${world.pendingOfA}]`).waitFor();
  check(await rows.count() === 3, "the queue lists the community's 3 pending claims");

  async function pick(field, text) {
    await page.locator(`[data-test=${field}] .el-select__wrapper`).click();
    const option = page.locator(".el-select-dropdown__item", { hasText: text }).filter({ visible: true });
    await option.first().click();
  }
  async function day(field, value) {
    const input = page.locator(`[data-test=${field}] input`);
    await input.fill(value);
    await input.press("Enter");
  }
  async function rowsAre(n) {
    await page.waitForFunction((n) =>
      document.querySelectorAll("[data-test=claims] .el-table__body tr").length === n, n);
  }

  // the queue, narrowed: service days, then one activity
  await day("filter-from", world.yesterday);
  await day("filter-to", world.yesterday);
  await rowsAre(2);
  check(await page.locator(`[data-test=recent-${world.olderPending}]`).count() === 0,
    "the claim of four days ago is filtered out by the service days");
  await pick("filter-community", world.communityName);
  await pick("filter-activity", world.activityTitle);
  await rowsAre(1);
  check(await page.locator(`[data-test=recent-${world.pendingOfActivity}]`).count() === 1,
    "the activity filter leaves the claim served at that activity");
  await page.locator("[data-test=filter-activity] .el-select__wrapper").hover();
  await page.locator("[data-test=filter-activity] .el-select__clear").click();
  await rowsAre(2);

  // the volunteer's recent claims beside a claim, statuses in words
  await page.click(`[data-test=recent-${world.pendingOfA}]`);
  const recent = page.locator("[data-test=recent-claim]");
  await page.waitForFunction(() => document.querySelectorAll("[data-test=recent-claim]").length === 2);
  const recentText = (await recent.allInnerTexts()).join(" | ");
  check(recentText.includes("已通过") && recentText.includes("待审核"),
    `the volunteer's recent claims say their statuses in words: ${recentText}`);
  await shot(page, "staff-queue-filtered-desk");
  await page.setViewportSize(PHONE);
  await shot(page, "staff-queue-filtered-phone");
  await page.setViewportSize(DESK);

  // find a volunteer by phone
  await page.click("[data-test=nav-staff-volunteers]");
  await page.waitForURL("**/staff/volunteers");
  await page.fill("[data-test=search-query]", world.phoneOfA);
  await page.click("[data-test=search]");
  const searched = page.locator("[data-test=search-outcome]");
  await searched.waitFor();
  check((await searched.innerText()).includes("找到 1 位志愿者"), "the phone finds one volunteer");
  const found = await page.locator("[data-test=volunteers] .el-table__body").innerText();
  check(found.includes(world.nameOfA) && !found.includes(world.phoneOfA) && found.includes("****"),
    "the volunteer is listed with the phone masked");
  await shot(page, "staff-volunteer-search-desk");
  await page.setViewportSize(PHONE);
  await shot(page, "staff-volunteer-search-phone");
  await page.setViewportSize(DESK);

  // register a new volunteer; a double click registers one
  await page.fill("[data-test=register-name]", world.newName);
  await page.fill("[data-test=register-phone]", world.newPhone);
  let registrations = 0;
  page.on("request", (r) => { if (r.method() === "POST" && r.url().endsWith("/api/v1/volunteers")) registrations++; });
  await page.locator("[data-test=register]").dblclick();
  const registered = page.locator("[data-test=register-outcome]");
  await registered.waitFor();
  check((await registered.innerText()).includes(`已登记志愿者 ${world.newName}`), "the registration says who was registered");
  check(registrations === 1, "a double click sent one registration");

  // open the volunteer found by phone
  await page.fill("[data-test=search-query]", world.phoneOfA);
  await page.click("[data-test=search]");
  await page.locator(`[data-test=open-${world.volunteerA}]`).waitFor();
  await page.click(`[data-test=open-${world.volunteerA}]`);
  await page.waitForURL(`**/staff/volunteers/${world.volunteerA}`);
  const points = page.locator("[data-test=balance-points]");
  await points.waitFor();
  check((await points.innerText()).trim() === String(world.pointsBefore), `the balance shows ${world.pointsBefore} points`);
  check((await page.locator("[data-test=balance-hours]").innerText()).includes("2 小时"), "the hours are said in 小时");
  check((await page.locator("[data-test=volunteer-phone]").innerText()).includes("****"), "the phone is shown masked");
  const history = page.locator("[data-test=history] .el-table__body tr");
  await history.first().waitFor();
  check((await history.first().innerText()).includes("时长认定"), "the history names the approval in words");

  // keep them off the boards
  await page.click("[data-test=boards-toggle]");
  const boards = page.locator("[data-test=boards-outcome]");
  await boards.waitFor();
  check((await boards.innerText()).includes("已设为不在排行榜显示"), "the opt-out is stated");
  await page.waitForFunction(() => document.querySelector("[data-test=volunteer-boards]")?.textContent?.includes("不显示"));

  // reverse the approved claim, with a reason
  await page.fill(`[data-test=reverse-reason-${world.approvedOfA}]`, "签到表上没有这位志愿者");
  await page.click(`[data-test=reverse-${world.approvedOfA}]`);
  const reversed = page.locator("[data-test=reverse-outcome]");
  await reversed.waitFor();
  const reversedText = await reversed.innerText();
  check(reversedText.includes(`已撤销申请 #${world.approvedOfA}`) && reversedText.includes(`${world.pointsBefore} 积分`),
    `the reversal says what it took back: ${reversedText}`);
  await page.waitForFunction(() => document.querySelector("[data-test=balance-points]")?.textContent?.trim() === "0");
  await page.waitForFunction(() => [...document.querySelectorAll("[data-test=history] .el-table__body tr")]
    .some((tr) => tr.textContent.includes("冲正")));
  check(true, "the balance and history show the reversal");
  await shot(page, "staff-volunteer-view-desk");
  await page.setViewportSize(PHONE);
  await shot(page, "staff-volunteer-view-phone");
  await page.setViewportSize(DESK);

  // move them to the neighbouring community (which this desk does not serve)
  await pick("move-to", world.otherCommunityName);
  await page.click("[data-test=move]");
  const moved = page.locator("[data-test=move-outcome]");
  await moved.waitFor();
  const movedText = await moved.innerText();
  check(movedText.includes(`迁到 ${world.otherCommunityName}`), `the move is stated: ${movedText}`);
  check((await page.locator("[data-test=move-item]").first().innerText()).includes(world.otherCommunityName),
    "the move is on the list of moves");
} finally {
  await browser.close();
}
