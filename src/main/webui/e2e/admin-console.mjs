// An administrator's day, in Chromium: walk the region tree down to a community (creating a new
// community on the way), give the community a conversion rule of its own and see the new version,
// allow hour gifts and set points expiry, fund the community's budget, and run the trial balance and
// the chain verification. Run by AdminConsoleBrowserTest, which checks the effect through the API.
import { check, DESK, launch, PHONE, shot, signIn, world } from "./browser.mjs";

const browser = await launch();

/** Opens the tree from the city down to a region and chooses it, reading more cities if need be. */
async function walk(page, ids) {
  const tree = page.locator("[data-test=region-tree]");
  const node = (id) => tree.locator(`[data-test=tree-node][data-region="${id}"]`);
  await tree.locator("[data-test=tree-node]").first().waitFor();
  while (!(await node(ids[0]).count())) {
    const more = tree.locator("[data-test=tree-more]");
    check(await more.count() > 0, "the city is in the tree or behind 'more'");
    await more.last().click();
    await page.waitForTimeout(300);
  }
  for (const [i, id] of ids.entries()) {
    await node(id).waitFor();
    const item = tree.locator(".el-tree-node", { has: page.locator(`:scope > .el-tree-node__content [data-region="${id}"]`) });
    const last = i === ids.length - 1;
    if (last || (await item.getAttribute("aria-expanded")) !== "true") await node(id).click();
  }
  await page.locator(`text=${world.names[ids.length - 1] ?? ""}`).first().waitFor();
}

async function say(page, test) {
  const notice = page.locator(`[data-test=${test}]`);
  await notice.waitFor();
  return (await notice.innerText()).trim();
}

async function nav(page, test, path) {
  await page.click(`[data-test=${test}]`);
  await page.waitForURL(`**${path}`);
}

/** An Element Plus input: the hook lands on the <input> itself, or on the component around it. */
const field = (test) => `input[data-test=${test}], [data-test=${test}] input`;

const requests = (page, method, suffix) => {
  const seen = { n: 0 };
  page.on("request", (r) => { if (r.method() === method && r.url().endsWith(suffix)) seen.n++; });
  return seen;
};

try {
  const admin = await signIn(browser, world.adminToken, DESK);
  // an administrator lands on the region tree; level by level, a new community under the street
  await admin.waitForURL("**/admin/regions");
  const [city, district, street, community] = world.ids;
  await walk(admin, [city, district, street]);
  // the detail follows the choice once the region's details arrive
  await admin.locator("[data-test=region-name]", { hasText: world.names[2] }).waitFor({ timeout: 10000 })
    .catch(() => undefined);
  const chosen = await say(admin, "region-name");
  check(chosen.includes(world.names[2]), `the street is chosen: ${chosen}`);
  await admin.fill(field("child-name"), world.newCommunity);
  await admin.click("[data-test=create-child]");
  const created = await say(admin, "region-outcome");
  check(created.includes(`已在 ${world.names[2]} 下新建社区“${world.newCommunity}”`), `the new community is said in words: ${created}`);
  await admin.locator("[data-test=region-tree] [data-test=tree-node]", { hasText: world.newCommunity }).waitFor();
  check(true, "the new community appears in the tree under its street");
  await walk(admin, [city, district, street, community]);
  await admin.locator("[data-test=region-name]", { hasText: world.names[3] }).waitFor({ timeout: 10000 })
    .catch(() => undefined);
  check((await say(admin, "region-path")).includes(world.names[0]), "the community's place names its city");
  await shot(admin, "admin-regions-desk");

  // the community's rules: it inherits the city's conversion rule, then gets one of its own
  await admin.click("[data-test=open-rules]");
  await admin.waitForURL((u) => u.pathname === "/admin/rules" && u.searchParams.get("region") === String(community));
  let inForce = await say(admin, "conversion-in-force");
  check(inForce.includes(`沿用上级“${world.names[0]}”的规则`) && inForce.includes(`每小时 ${world.cityRate} 积分`),
    `the rule in force is the city's, and says so: ${inForce}`);
  check((await admin.locator("[data-test=conversion-versions]").innerText()).includes("本区域还没有自己的版本"), "no version of its own yet");

  await admin.fill(field("rate-points-0"), "-5");
  await admin.click("[data-test=save-conversion]");
  await admin.locator("[data-test=conversion-outcome] [data-test=field-error]").first().waitFor();
  check((await say(admin, "conversion-outcome")).includes("rates"), "a refused rule shows the API's word on the field at fault");

  const puts = requests(admin, "PUT", `/regions/${community}/conversion-rules`);
  await admin.fill(field("rate-points-0"), String(world.communityRate));
  await admin.locator("[data-test=save-conversion]").dblclick();
  await admin.locator("[data-test=conversion-outcome].ok").waitFor();
  const published = await say(admin, "conversion-outcome");
  check(published.includes("已发布第 1 版") && published.includes(`每小时 ${world.communityRate} 积分`), `the new version is said in words: ${published}`);
  check(puts.n === 1, "a double click published one version");
  await admin.waitForFunction((rate) => document.querySelector("[data-test=conversion-in-force]")?.textContent?.includes(`每小时 ${rate} 积分`), world.communityRate);
  inForce = await say(admin, "conversion-in-force");
  check(inForce.includes("第 1 版") && inForce.includes("本区域自己的规则"), `the community's own version is in force: ${inForce}`);
  check(await admin.locator("[data-test=conversion-versions] .el-table__body tr").count() === 1, "its versions list one version");

  // a minimum of service before redeeming, hour gifts allowed, and points expire after some months
  await admin.click("#tab-redemption");
  check((await say(admin, "redemption-in-force")).includes("没有服务时长门槛"), "without a rule there is no minimum");
  await admin.fill(field("redemption-hours"), String(world.minimumHours));
  await admin.click("[data-test=save-redemption]");
  check((await say(admin, "redemption-outcome")).includes(`须累计确认服务满 ${world.minimumHours} 小时才能兑换积分`),
    "the redemption minimum is said in words, in 小时");
  await admin.click("#tab-transfer");
  check((await say(admin, "transfer-in-force")).includes("不能转赠"), "without a rule hours cannot be gifted");
  await admin.click("[data-test=gifts-allowed]");
  await admin.click("[data-test=save-transfer]");
  check((await say(admin, "transfer-outcome")).includes("已保存。现在：志愿者之间可以转赠服务时数"), "the transfer rule is said in words");
  await admin.click("#tab-expiry");
  await admin.fill(field("expiry-months"), String(world.expiryMonths));
  await admin.click("[data-test=save-expiry]");
  check((await say(admin, "expiry-outcome")).includes(`积分在获得 ${world.expiryMonths} 个月后过期`), "the expiry rule is said in words");
  await admin.click("#tab-conversion");
  await admin.waitForTimeout(400); // the tabs' underline slides over
  await shot(admin, "admin-rules-desk");

  // the community's budget: none yet; a funding without an amount is refused, then one is paid in
  await nav(admin, "nav-admin-budget", "/admin/budget");
  await walk(admin, [city, district, street, community]);
  check((await say(admin, "budget-words")).includes("本社区没有预算"), "the community has no budget yet");
  await admin.fill(field("fund-memo"), "2026 年第四季度社区基金");
  await admin.click("[data-test=fund]");
  await admin.locator("[data-test=fund-outcome].bad").waitFor();
  check(await admin.locator("[data-test=fund-outcome] [data-test=field-error]").count() > 0, "a funding without points shows the field at fault");
  const fundings = requests(admin, "POST", `/regions/${community}/budget-fundings`);
  await admin.fill(field("fund-points"), String(world.funding));
  await admin.locator("[data-test=fund]").dblclick();
  await admin.locator("[data-test=fund-outcome].ok").waitFor();
  check((await say(admin, "fund-outcome")).includes(`已拨入 ${world.funding} 积分；预算剩余 ${world.funding} 积分`), "the funding is said in words");
  check(fundings.n === 1, "a double click funded once");
  check((await say(admin, "budget-available")) === String(world.funding), "the budget shows what is left");
  const funding = admin.locator("[data-test=fundings] .el-table__body tr", { hasText: "2026 年第四季度社区基金" });
  await funding.waitFor();
  check((await admin.locator("[data-test=fundings] .el-table__body tr").count()) === 1
    && (await funding.innerText()).includes(String(world.funding)), "the funding is listed with its memo and amount");
  await shot(admin, "admin-budget-desk");

  // the audit runs on a button, not when the page opens
  const scans = requests(admin, "GET", "/ledger/trial-balance");
  await nav(admin, "nav-admin-ledger", "/admin/ledger");
  await admin.waitForTimeout(300);
  check(scans.n === 0 && !(await admin.locator("[data-test=trial-outcome]").count()), "opening the audit does not scan the journal");
  await admin.click("[data-test=run-trial-balance]");
  const trial = await say(admin, "trial-outcome");
  check(trial.startsWith("账目平衡"), `the trial balance says the ledger balances: ${trial}`);
  check((await say(admin, "trial-POINTS")) === "平衡" && (await say(admin, "trial-HOURS")) === "平衡", "each asset balances");
  await admin.click("[data-test=run-verification]");
  const chain = await say(admin, "chain-outcome");
  check(chain.startsWith("哈希链完整"), `the chain verification says the chain is intact: ${chain}`);
  await shot(admin, "admin-ledger-desk");

  // the same screens at phone width
  await admin.setViewportSize(PHONE);
  const fits = () => admin.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
  check(await fits(), "the audit fits the phone's width");
  await shot(admin, "admin-ledger-phone");
  await nav(admin, "nav-admin-budget", "/admin/budget");
  await walk(admin, [city, district, street, community]);
  await admin.locator("[data-test=budget-available]").waitFor();
  check(await fits(), "the budget fits the phone's width");
  await shot(admin, "admin-budget-phone");
  await nav(admin, "nav-admin-rules", "/admin/rules");
  await walk(admin, [city, district, street, community]);
  await admin.locator("[data-test=conversion-versions] .el-table__body tr").first().waitFor();
  check(await fits(), "the rules fit the phone's width");
  await shot(admin, "admin-rules-phone");
  await nav(admin, "nav-admin-regions", "/admin/regions");
  await walk(admin, [city, district, street, community]);
  await admin.locator("[data-test=region-path]").waitFor();
  check(await fits(), "the region tree fits the phone's width");
  await shot(admin, "admin-regions-phone");
} catch (e) {
  for (const c of browser.contexts()) for (const p of c.pages()) await shot(p, "admin-console-failure");
  throw e;
} finally {
  await browser.close();
}
