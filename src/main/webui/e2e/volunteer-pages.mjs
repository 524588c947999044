// A volunteer's day on a phone 360 px wide: the home page and its history, the activities of the
// community and the street, enrolling in one and checking in by scanning the venue's QR code (the
// camera is faked with a picture of the code), a gift to a friend and a donation to the pool, and
// leaving the boards. Nothing may be wider than the phone. Run by VolunteerPagesBrowserTest.
import { rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { check, DESK, fakeCamera, launch, shot, signIn, world } from "./browser.mjs";

const NARROW = { width: 360, height: 760 };
const camera = fakeCamera(world.code, join(tmpdir(), `venue-${world.here}-${process.pid}.y4m`));
const browser = await launch({ camera });

async function fits(page, where) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  check(width <= 360, `${where} fits 360 px (scrollWidth ${width})`);
}

async function says(page, selector, words, what) {
  await page.waitForFunction(([s, w]) => document.querySelector(s)?.textContent?.includes(w), [selector, words]);
  const said = await page.locator(selector).innerText();
  check(said.includes(words), `${what}: ${said}`);
  return said;
}

try {
  const page = await signIn(browser, world.volunteerToken, NARROW);
  await page.waitForURL("**/volunteer");

  // home: points, pending, stars, and the history in pages of ten
  await says(page, "[data-test=points-available]", String(world.points), "the points available are shown");
  check((await page.locator("[data-test=points-pending]").innerText()).includes("冻结中 0"), "the held points are shown");
  await page.locator("[data-test=star-level]").waitFor();
  await page.locator("[data-test=history-item]").nth(9).waitFor();
  check(await page.locator("[data-test=history-item]").count() === 10, "the history shows its first ten lines");
  await page.click("[data-test=history-more]");
  await page.locator("[data-test=history-item]").nth(11).waitFor();
  check(await page.locator("[data-test=history-item]").count() === 12, "the next page of the history follows");
  check(await page.locator("[data-test=nav-home]").isVisible() && await page.locator("[data-test=nav-boards]").isVisible(),
    "the menu's links all show");
  await fits(page, "the home page");
  await shot(page, "volunteer-home-phone");

  // activities: the community's, then the street's
  await page.click("[data-test=nav-activities]");
  await page.waitForURL("**/volunteer/activities");
  const here = page.locator(`[data-test=activity-${world.here}]`);
  const there = page.locator(`[data-test=activity-${world.there}]`);
  await here.waitFor();
  check(await there.count() === 0, "the community's list leaves out the sister community's activity");
  await page.click("[data-test=activities-street]");
  await there.waitFor();
  check(await here.count() === 1, "the street's list holds the activities of both its communities");
  await fits(page, "the street's activities");

  await here.locator("[data-test=enroll]").dblclick();
  await says(page, "[data-test=activity-result]", "报名成功", "the enrollment is confirmed in words");
  await here.locator("[data-test=enrolled]").waitFor();

  // check in: a mistyped code is refused in words, then the venue's QR code through the camera
  await here.locator("[data-test=check-in]").click();
  await here.locator("[data-test=check-in-form]").waitFor();
  await here.locator("[data-test=venue-code] input").fill("ZZZZZZ");
  await here.locator("[data-test=check-in-send]").click();
  await says(page, "[data-test=activity-result]", "签到码错误", "a wrong typed code is refused with the API's words");
  await fits(page, "the check-in form");
  await here.locator("[data-test=scan-venue]").click();
  await says(page, "[data-test=activity-result]", "签到成功", "the scanned code checks the volunteer in");
  await shot(page, "volunteer-activities-phone");
  await page.click("[data-test=activities-mine]");
  await there.waitFor({ state: "detached" });
  await here.locator("[data-test=enrolled]").waitFor();
  check(await there.count() === 0 && await here.count() === 1, "'my activities' holds the one enrolled in");

  // a gift to a friend, confirmed first, then a donation to the pool
  await page.click("[data-test=nav-give]");
  await page.waitForURL("**/volunteer/give");
  await page.fill("[data-test=give-to] input", String(world.friendId));
  await page.fill("[data-test=give-amount] input", String(world.gift));
  await page.click("[data-test=give-next]");
  await says(page, "[data-test=give-question]", `确认把 ${world.gift} 积分赠送给志愿者 ${world.friendId}`, "the gift is confirmed first");
  await fits(page, "the gift's confirmation");
  await page.dblclick("[data-test=give-send]");
  await says(page, "[data-test=give-result]", `已赠送 ${world.gift} 积分给志愿者 ${world.friendId}`, "the gift is said in words");
  await says(page, "[data-test=give-result]", `现在可用积分 ${world.points - world.gift}`, "with the points left");
  await page.click("[data-test=give-donate]");
  await page.fill("[data-test=give-amount] input", String(world.donation));
  await page.click("[data-test=give-next]");
  await says(page, "[data-test=give-question]", `确认把 ${world.donation} 积分捐给本社区互助池`, "the donation is confirmed first");
  await page.click("[data-test=give-send]");
  const left = world.points - world.gift - world.donation;
  await says(page, "[data-test=give-result]", `现在可用积分 ${left}`, "the donation is said in words, with the points left");
  await fits(page, "the give page");
  await shot(page, "volunteer-give-phone");

  // leaving the boards
  await page.click("[data-test=nav-boards]");
  await page.waitForURL("**/volunteer/boards");
  check(await page.locator("[data-test=boards-visible]").isChecked(), "the volunteer is on the boards to begin with");
  await page.click("[data-test=boards-visible]");
  await says(page, "[data-test=boards-visibility-result]", "您已退出排行榜", "leaving the boards is said in words");
  check(!(await page.locator("[data-test=boards-visible]").isChecked()), "the switch shows the volunteer off the boards");
  await fits(page, "the boards");
  await shot(page, "volunteer-boards-left-phone");

  // the same screens at a desk
  await page.setViewportSize(DESK);
  for (const [link, name] of [["nav-home", "home"], ["nav-activities", "activities"], ["nav-give", "give"], ["nav-boards", "boards"]]) {
    await page.click(`[data-test=${link}]`);
    await page.waitForLoadState("networkidle");
    await shot(page, `volunteer-${name}-desk`);
  }
  await page.click("[data-test=nav-home]");
  await says(page, "[data-test=points-available]", String(left), "the home page shows the points left");
} finally {
  await browser.close();
  rmSync(camera, { force: true });
}
