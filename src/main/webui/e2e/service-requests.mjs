// Spending stored hours on a phone 360 px wide and at the desk: a resident posts a need (tapping
// "post" twice), a volunteer nearby takes it, seeing who pays, and reports the minutes served; the
// resident confirms and sees the hours paid and their balance fall, the volunteer sees theirs rise.
// The resident disputes another service; staff settle it in part from the disputes queue, post a
// need on behalf of the resident, and read the region's hours liability. The resident and the
// volunteer link as family; the resident posts a need the volunteer's hours pay for, which a carer
// finds among the needs that fit the skills and free times she declares, and takes; staff record
// that she did not come, and cancel another taken need with a reason. Run by ServiceRequestsBrowserTest.
import { check, DESK, launch, shot, shots, signIn, world } from "./browser.mjs";

const NARROW = { width: 360, height: 760 };
const browser = await launch();

async function fits(page, where) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  check(width <= 360, `${where} fits 360 px (scrollWidth ${width})`);
}

/** Waits until the element (a selector on the page, or a locator) says the words; checks and returns what it says. */
async function says(page, selector, words, what) {
  const where = typeof selector === "string" ? page.locator(selector) : selector;
  const target = where.filter({ hasText: words }).first();
  try {
    await target.waitFor({ timeout: 15000 });
  } catch (e) {
    const now = await where.first().innerText({ timeout: 1000 }).catch(() => "(nothing)");
    await shot(page, "failed-service-requests");
    throw new Error(`${what}: waited for "${words}", it says: ${now}`);
  }
  const said = await target.innerText();
  check(said.includes(words), `${what}: ${said}`);
  return said;
}

/** The card of the need at the world's unique place. */
const card = (page, place) => page.locator("article.need", { hasText: place });

try {
  // ---- the resident posts a need ----
  const resident = await signIn(browser, world.residentToken, NARROW);
  await resident.waitForURL("**/volunteer");
  await resident.click("[data-test=nav-services]");
  await resident.waitForURL("**/volunteer/services");
  await says(resident, "[data-test=service-hours]", "3 小时", "the resident sees their stored hours (3 h, 1 h of it held)");
  await says(resident, "[data-test=service-hours]", "1 小时 已冻结", "the hours held for the disputed service are said");
  await fits(resident, "the services page");
  await resident.click("[data-test=post-need]");
  await resident.waitForURL("**/volunteer/services/new");
  await resident.locator("[data-test=category-MEAL_DELIVERY]").click();
  await resident.fill("[data-test=need-place] input", world.place);
  await resident.fill("[data-test=need-description] input", "午饭送到家");
  await resident.click("[data-test=expected-60]");
  await resident.click("[data-test=pay-me]");
  await fits(resident, "the form of a need");
  await shot(resident, "volunteer-post-need-phone");
  await resident.click("[data-test=need-next]");
  await says(resident, "[data-test=need-question]", world.place, "the need is said back in one sentence before it is posted");
  await says(resident, "[data-test=need-question]", "1 小时", "with its expected time");
  await resident.locator("[data-test=need-post]").dblclick();
  await says(resident, "[data-test=need-result]", "已发布需求：送餐上门", "the posting is confirmed in words");

  // ---- a volunteer nearby takes it and reports the minutes served ----
  const helper = await signIn(browser, world.helperToken, NARROW);
  await helper.waitForURL("**/volunteer");
  await says(helper, "[data-test=hours]", "0 分钟", "the volunteer starts with no hours");
  await helper.click("[data-test=nav-services]");
  const need = card(helper, world.place);
  await need.waitFor();
  check(await card(helper, world.otherPlace).count() === 0, "a need already taken is not offered");
  await says(helper, card(helper, world.place).locator("[data-test=need-payer]"), `需求人（志愿者 ${world.residentId}）的储蓄时长`,
    "the volunteer sees who pays before taking it");
  await helper.selectOption("[data-test=near-category]", "CLEANING");
  await need.waitFor({ state: "detached" });
  await helper.selectOption("[data-test=near-category]", "MEAL_DELIVERY");
  await need.waitFor();
  await helper.click("[data-test=near-STREET]");
  await need.waitFor();
  await fits(helper, "the needs nearby");
  await shot(helper, "volunteer-needs-nearby-phone");
  await need.locator("[data-test=step-accept]").dblclick();
  await says(helper, card(helper, world.place).locator("[data-test=need-result]"), "接单成功", "the acceptance is said in words");
  await says(helper, card(helper, world.place).locator("[data-test=need-result]"), "冻结 1 小时", "with the hours held");

  await helper.click("[data-test=services-tasks]");
  const task = card(helper, world.place);
  await task.waitFor();
  await task.locator("[data-test=step-report]").click();
  await task.locator("[data-test=served-minutes] input").fill("75");
  await task.locator("[data-test=step-send]").click();
  await says(helper, card(helper, world.place).locator("[data-test=need-result]"), "请填写 1 到 60", "more minutes than held are refused here");
  await task.locator("[data-test=served-minutes] input").fill("45");
  await task.locator("[data-test=step-send]").dblclick();
  await says(helper, card(helper, world.place).locator("[data-test=need-result]"), "已填写服务 45 分钟", "the report is said in words");
  await says(helper, card(helper, world.place).locator("[data-test=need-status]"), "待确认", "the task waits for the resident");
  await fits(helper, "my tasks");
  await shot(helper, "volunteer-my-tasks-phone");

  // ---- the resident confirms: 45 minutes paid, 15 released; then disputes the other service ----
  await resident.click("[data-test=see-needs]");
  await resident.click("[data-test=services-mine]");
  const mine = card(resident, world.place);
  await mine.waitFor();
  await says(resident, card(resident, world.place).locator("[data-test=need-served]"), "45 分钟", "the resident sees the minutes reported");
  await mine.locator("[data-test=step-confirm]").dblclick();
  await says(resident, card(resident, world.place).locator("[data-test=need-result]"), "已确认：支付 45 分钟，其余 15 分钟已解冻", "the payment is said in words");
  await says(resident, "[data-test=service-hours]", "2 小时 15 分钟", "the resident's stored hours fell by 45 minutes");

  const other = card(resident, world.otherPlace);
  await other.locator("[data-test=step-dispute]").click();
  await other.locator("[data-test=step-send]").click();
  await says(resident, card(resident, world.otherPlace).locator("[data-test=need-result]"), "请填写原因", "a dispute asks for a reason");
  await other.locator("[data-test=step-reason] input").fill("只来了半小时");
  await other.locator("[data-test=step-send]").dblclick();
  await says(resident, card(resident, world.otherPlace).locator("[data-test=need-result]"), "已提交社区处理", "the dispute is said in words");
  await fits(resident, "my needs");
  await shot(resident, "volunteer-my-needs-phone");

  // the volunteer's own hours rose by the 45 minutes served (mutual aid: the hours move)
  await helper.click("[data-test=nav-home]");
  await says(helper, "[data-test=hours]", "45 分钟", "the volunteer's hours rose by the minutes served");

  // ---- family: the resident names the volunteer as family, who confirms and limits what they pay ----
  await resident.click("[data-test=nav-family]");
  await resident.fill("[data-test=family-member] input", String(world.helperId));
  await resident.fill("[data-test=family-relation] input", "女儿");
  await resident.locator("[data-test=family-add]").dblclick();
  await says(resident, "[data-test=family-result]", `已向志愿者 ${world.helperId} 发出邀请`, "the invitation is said in words");
  await says(resident, "[data-test=family-status]", "等待对方确认", "the link waits for the member");
  await helper.click("[data-test=nav-family]");
  await helper.locator("[data-test=family-confirm]").click();
  await says(helper, "[data-test=family-result]", `已确认与志愿者 ${world.residentId} 的家人关系`, "the member confirms it");
  await helper.locator("[data-test=family-limit]").click();
  await helper.fill("[data-test=family-limit-minutes] input", "600");
  await helper.locator("[data-test=family-limit-go]").click();
  await says(helper, "[data-test=family-result]", "每月最多为志愿者", "the monthly limit is said in words");
  await says(helper, "[data-test=family-my-limit]", "10 小时", "and shown");
  await fits(helper, "the family page");
  await shot(helper, "volunteer-family-phone");

  // ---- the resident posts a need the family member's hours pay for ----
  await resident.click("[data-test=nav-services]");
  await resident.click("[data-test=post-need]");
  await resident.waitForURL("**/volunteer/services/new");
  await resident.locator("[data-test=category-MEAL_DELIVERY]").click();
  await resident.fill("[data-test=need-place] input", world.familyPlace);
  await resident.click("[data-test=expected-30]");
  await resident.click(`[data-test=pay-family-${world.helperId}]`);
  await resident.click("[data-test=need-next]");
  await says(resident, "[data-test=need-question]", `家人（志愿者 ${world.helperId}）的储蓄时长支付`, "the family member who pays is said before posting");
  await resident.locator("[data-test=need-post]").dblclick();
  await says(resident, "[data-test=need-result]", "已发布需求：送餐上门", "the family-paid need is posted");

  // ---- a carer declares what she can do and when, and finds the needs that fit her ----
  const carer = await signIn(browser, world.carerToken, NARROW);
  await carer.waitForURL("**/volunteer");
  await carer.click("[data-test=nav-services]");
  await card(carer, world.unfitPlace).waitFor();
  await carer.click("[data-test=services-fits]");
  await says(carer, "[data-test=services-empty]", "暂时没有适合您的需求", "with nothing declared, no need fits");
  await carer.click("[data-test=my-profile]");
  await carer.waitForURL("**/volunteer/services/profile");
  await carer.locator("[data-test=skill-MEAL_DELIVERY]").click();
  await carer.click("[data-test=slot-add]");
  await carer.selectOption("[data-test=slot-0] [data-test=slot-weekday]", world.tomorrowWeekday);
  await carer.fill("[data-test=slot-0] [data-test=slot-from]", "08:00");
  await carer.fill("[data-test=slot-0] [data-test=slot-to]", "07:30");
  await carer.click("[data-test=profile-save]");
  await says(carer, "[data-test=profile-result]", "第 1 个时间段的结束要晚于开始", "a slot ending before it starts is refused here");
  await carer.fill("[data-test=slot-0] [data-test=slot-to]", "12:00");
  await fits(carer, "the service profile");
  await shot(carer, "volunteer-service-profile-phone");
  await carer.locator("[data-test=profile-save]").dblclick();
  await says(carer, "[data-test=profile-result]", "已保存：会做送餐上门，每周 1 个时间段有空", "the profile is said back in words");
  await carer.click("[data-test=see-fits]");
  await carer.waitForURL("**/volunteer/services?tab=fits");
  const fitting = card(carer, world.familyPlace);
  await fitting.waitFor();
  check(await card(carer, world.unfitPlace).count() === 0, "a need outside the carer's skills is not among those that fit her");
  await says(carer, card(carer, world.familyPlace).locator("[data-test=need-payer]"), `家人（志愿者 ${world.helperId}）的储蓄时长`,
    "the carer sees that a family member pays");
  await fits(carer, "the needs that fit me");
  await shot(carer, "volunteer-needs-that-fit-phone");
  await fitting.locator("[data-test=step-accept]").dblclick();
  await says(carer, card(carer, world.familyPlace).locator("[data-test=need-result]"), "冻结 30 分钟", "the hold on the family member's hours is said");
  const familyNeed = Number((await fitting.getAttribute("data-test")).replace("need-", ""));

  // the family member sees the hours held from their wallet for the resident's need
  await helper.click("[data-test=nav-services]");
  await says(helper, "[data-test=service-hours]", "30 分钟 已冻结", "the paying family member sees their hours held");
  await helper.click("[data-test=services-mine]");
  await says(helper, card(helper, world.familyPlace).locator("[data-test=need-status]"), "已接单", "and the need they pay for among theirs");

  // ---- staff settle the dispute in part, post a need for the resident, read the liability ----
  const staff = await signIn(browser, world.staffToken, DESK);
  await staff.waitForURL("**/staff/**");
  await staff.click("[data-test=nav-staff-services]");
  await staff.waitForURL("**/staff/services");
  await staff.locator(`[data-test=svc-status-${world.disputed}]`).waitFor();
  check((await staff.locator(`[data-test=svc-status-${world.disputed}]`).innerText()).includes("有争议"), "the disputed request waits in the queue");
  await staff.locator(`[data-test=svc-status-${world.disputed}]`).click();
  await says(staff, "[data-test=svc-reason]", "只来了半小时", "the resident's reason is beside the queue");
  await staff.click("[data-test=svc-post-part]");
  await staff.fill("[data-test=svc-minutes] input", "30");
  await staff.fill("[data-test=svc-resolve-reason]", "电话核实：服务了半小时");
  await shots(staff, "staff-service-disputes");
  await staff.locator("[data-test=svc-resolve-go]").dblclick();
  await says(staff, "[data-test=svc-outcome]", `已处理 #${world.disputed}：支付 30 分钟，解冻 30 分钟`, "the resolution is said in words");
  await staff.locator(`[data-test=svc-status-${world.disputed}]`).waitFor({ state: "detached" });

  // a service reported but not confirmed (the resident has no phone): staff confirm it for them
  await staff.click("[data-test=svc-active]");
  await staff.locator(`[data-test=svc-status-${world.reported}]`).click();
  await staff.locator("[data-test=svc-confirm]").dblclick();
  await says(staff, "[data-test=svc-outcome]", `已代居民确认 #${world.reported}：支付 30 分钟，解冻 10 分钟`, "the confirmation is said in words");

  // the resident phones: the carer did not come; then an elder, in hospital, cancels a taken need
  await staff.locator(`[data-test=svc-status-${familyNeed}]`).click();
  await says(staff, "[data-test=svc-detail]", `家人 #${world.helperId}`, "staff see that a family member pays");
  await staff.locator("[data-test=svc-no-show]").dblclick();
  await says(staff, "[data-test=svc-outcome]", `已记录 #${familyNeed} 志愿者未到场，冻结的 30 分钟已解冻`, "the no-show is said in words");
  await says(staff, "[data-test=svc-detail]", "未到场", "and shown beside the list");
  await staff.locator(`[data-test=svc-status-${familyNeed}]`).waitFor({ state: "detached" });
  await staff.locator(`[data-test=svc-status-${world.toCancel}]`).click();
  await staff.locator("[data-test=svc-cancel]").click();
  await says(staff, "[data-test=svc-outcome]", "取消时请填写原因", "cancelling a taken need asks for a reason");
  await staff.fill("[data-test=svc-end-reason]", "居民住院");
  await shots(staff, "staff-service-cancel");
  await staff.locator("[data-test=svc-cancel]").dblclick();
  await says(staff, "[data-test=svc-outcome]", `已取消 #${world.toCancel}，冻结的 1 小时已解冻`, "the cancellation is said in words");

  await staff.click("[data-test=svc-post]");
  await staff.waitForURL("**/staff/services/new");
  await staff.fill("[data-test=svc-resident] input", String(world.residentId));
  await staff.locator("[data-test=svc-resident] input").blur();
  await says(staff, "[data-test=svc-resident-is]", "居民：", "staff see whom they post for");
  await staff.locator("[data-test=svc-category] .el-select__wrapper").click();
  await staff.locator(".el-select-dropdown__item", { hasText: "打扫卫生" }).filter({ visible: true }).first().click();
  await staff.fill("[data-test=svc-place]", world.staffPlace);
  await staff.click("[data-test=svc-pay-self]");
  await staff.locator("[data-test=svc-new-go]").dblclick();
  await says(staff, "[data-test=svc-new-outcome]", "发布需求", "the posting on behalf is said in words");
  await shots(staff, "staff-service-post");

  await staff.click("[data-test=nav-staff-liability]");
  await staff.waitForURL("**/staff/liability");
  await says(staff, "[data-test=liability-total]", world.liability, "the community's stored hours are the liability");
  await says(staff, "[data-test=liability-held]", "0 分钟", "none of them is held any more");
  await says(staff, "[data-test=liability-withdrawn]", world.withdrawn, "the minutes paid for services are withdrawn");
  await says(staff, "[data-test=liability-summary]", "居民现存", "the report says it in a sentence");
  await shots(staff, "staff-hours-liability");
} finally {
  await browser.close();
}
