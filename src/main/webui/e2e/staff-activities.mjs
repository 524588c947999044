// Community staff run an activity, in Chromium: they publish it and find it listed, see who enrolled
// (the Java test enrolls two volunteers when the script says "published"), record one volunteer's
// check-in and check-out on the attendance sheet, put the venue's check-in code on the screen (the
// script reads the QR code back and a volunteer checks in with it), and grant points from the
// community pool. Run by StaffActivitiesBrowserTest; the world comes in WORLD as JSON.
import { createInterface } from "node:readline";
import { base, check, DESK, launch, PHONE, readQr, shot, shots, signIn, world } from "./browser.mjs";

/** Says the cue to the Java test, and goes on when it answers (after it did its part through the API). */
async function cue(word) {
  console.log(word);
  const lines = createInterface({ input: process.stdin });
  await new Promise((resolve) => lines.once("line", resolve));
  lines.close();
}


const browser = await launch();
try {
  const staff = await signIn(browser, world.staffToken, DESK);
  await staff.waitForURL("**/staff/claims");

  // publish an activity and find it in the list
  await staff.click("[data-test=nav-staff-activities]");
  await staff.waitForURL("**/staff/activities");
  await staff.fill("[data-test=publish-title]", world.title);
  await staff.fill("[data-test=publish-place]", "社区食堂");
  await staff.fill("[data-test=publish-starts]", world.startsLocal);
  await staff.fill("[data-test=publish-ends]", world.endsLocal);
  await staff.fill("[data-test=publish-capacity] input", "5");
  await staff.locator("[data-test=publish-capacity] input").blur();
  let publishes = 0;
  staff.on("request", (r) => { if (r.method() === "POST" && r.url().endsWith("/api/v1/activities")) publishes++; });
  await staff.locator("[data-test=publish]").dblclick();
  const published = staff.locator("[data-test=publish-outcome]");
  await published.waitFor();
  const said = await published.innerText();
  check(said.includes(`已发布活动「${world.title}」`) && said.includes("名额 5 人"), `the screen says the activity was published: ${said}`);
  check(publishes === 1, "a double click published once");
  const listed = staff.locator("[data-test=activities] [data-test=activity-link]", { hasText: world.title });
  await listed.waitFor();
  check(await listed.count() === 1, "the new activity is listed");

  await cue("published"); // the Java test enrolls two volunteers
  await staff.click("[data-test=nav-staff-claims]");
  await staff.click("[data-test=nav-staff-activities]");
  await listed.waitFor();
  const row = staff.locator("[data-test=activities] .el-table__body tr", { hasText: world.title });
  await row.locator("text=2 / 5").waitFor();
  check(true, "the list shows the two enrollments");
  await shots(staff, "staff-activities");

  // the attendance sheet: check one volunteer in and out
  await listed.click();
  await staff.locator("[data-test=activity-title]").waitFor();
  const activityId = Number(/\/staff\/activities\/(\d+)/.exec(staff.url())[1]);
  const names = staff.locator("[data-test=sheet] [data-test=sheet-name]");
  await names.nth(1).waitFor();
  const shown = await names.allInnerTexts();
  check(shown.length === 2 && world.enrolled.every((n) => shown.includes(n)), `the sheet lists the enrolled volunteers: ${shown.join(", ")}`);
  const line = staff.locator("[data-test=sheet] .el-table__body tr", { hasText: world.attendee });
  await line.locator("[data-test=sheet-check-in]").fill(world.checkInLocal);
  await line.locator("[data-test=sheet-check-out]").fill(world.checkOutLocal);
  await line.locator("[data-test=sheet-record]").click();
  const recorded = line.locator("[data-test=sheet-outcome]");
  await recorded.waitFor();
  const words = await recorded.innerText();
  check(words.includes(`已为 ${world.attendee} 记录签到`) && words.includes("共 1 小时 30 分钟") && words.includes("待审核"),
    `the sheet says what it recorded: ${words}`);
  await line.locator("[data-test=sheet-recorded]").waitFor();
  check((await line.locator("[data-test=sheet-recorded]").innerText()).includes("待审核"), "the line shows the pending claim");
  // the same times again are refused with the API's reason, in words
  await line.locator("[data-test=sheet-record]").click();
  await line.locator("[data-test=sheet-outcome].bad").waitFor();
  check((await line.locator("[data-test=sheet-outcome]").innerText()).length > 4, "recording the same times twice is refused, in words");
  await shots(staff, "staff-activity-sheet");

  // the venue's code, full screen
  await staff.click("[data-test=show-code]");
  await staff.waitForURL("**/code");
  const qr = staff.locator("[data-test=venue-qr]");
  await qr.waitFor();
  const decoded = await readQr(staff, "[data-test=venue-qr]");
  check(await staff.locator("[data-test=code-activity]").innerText() === world.title, "the code screen names the activity");
  check(await staff.locator("nav.desk-nav").count() === 0, "the code screen stands alone, without the console's menu");
  const stated = (await staff.locator("[data-test=venue-code]").innerText()).trim();
  check(decoded === stated && /^[A-Z0-9]{6}$/.test(stated), `the QR code holds the code the screen states (${stated})`);
  const left = async () => Number(await staff.locator("[data-test=venue-left]").getAttribute("data-seconds"));
  const first = await left();
  await staff.waitForTimeout(2200);
  const later = await left();
  check(first > 3600 && later < first, `the countdown runs down (${first} s, then ${later} s)`);
  check((await staff.locator("[data-test=venue-left]").innerText()).startsWith("有效期还剩 1:"), "the countdown is said in words");
  await shots(staff, "staff-venue-code");

  // a volunteer at the door checks in with what the camera read
  const checkIn = await fetch(`${base}/api/v1/activities/${activityId}/check-ins`, {
    method: "POST",
    headers: { Authorization: `Bearer ${world.walkerToken}`, "Content-Type": "application/json", "Idempotency-Key": crypto.randomUUID() },
    body: JSON.stringify({ code: decoded, checkIn: world.walkerIn, checkOut: world.walkerOut }),
  });
  check(checkIn.status === 201, `the decoded code checks a volunteer in (${checkIn.status})`);

  // the community pool: a grant to a volunteer, with a reason
  await staff.click("text=返回活动");
  await staff.locator("[data-test=activity-title]").waitFor();
  await staff.click("[data-test=nav-staff-pool]");
  await staff.waitForURL("**/staff/pool");
  const points = staff.locator("[data-test=pool-points]");
  await points.waitFor();
  check((await points.innerText()).trim() === String(world.poolPoints), `the pool holds ${world.poolPoints} points`);
  const budget = await staff.locator("[data-test=budget-words]").innerText();
  check(budget.includes(`已拨入 ${world.budget} 积分`) && budget.includes(`剩余 ${world.budget} 积分`),
    `the community's points budget is shown beside the pool: ${budget}`);
  await staff.fill("[data-test=grant-volunteer] input", String(world.elderId));
  await staff.locator("[data-test=grant-volunteer] input").blur();
  await staff.locator("[data-test=grant-who]").waitFor();
  check((await staff.locator("[data-test=grant-who]").innerText()).includes(world.elder), "the grant names the volunteer before it is sent");
  await staff.fill("[data-test=grant-points] input", String(world.grant));
  await staff.locator("[data-test=grant-points] input").blur();
  await staff.fill("[data-test=grant-reason]", "独居老人助餐");
  let grants = 0;
  staff.on("request", (r) => { if (r.url().includes("/pool-grants")) grants++; });
  await staff.locator("[data-test=grant]").dblclick();
  const granted = staff.locator("[data-test=grant-outcome]");
  await granted.waitFor();
  const grantWords = await granted.innerText();
  check(grantWords.includes(`发给 ${world.elder} ${world.grant} 积分`) && grantWords.includes("独居老人助餐"), `the grant is said in words: ${grantWords}`);
  check(grants === 1, "a double click granted once");
  await staff.locator(`[data-test=pool-points]:text-is("${world.poolPoints - world.grant}")`).waitFor();
  check(true, "the pool shows what is left");
  await shots(staff, "staff-pool");
} finally {
  await browser.close();
}
