// A cashier's day at the till, in Chromium: items captured at once and one of them refunded (back
// in stock), a hold captured in part (the rest back in stock) and a hold voided. Run by
// PeoplesDayBrowserTest; the world (the shop operator's token, three payment codes) comes in WORLD.
import { check, launch, PHONE, shot, signIn, world } from "./browser.mjs";

const browser = await launch();
try {
  const till = await signIn(browser, world.shopToken, PHONE);
  await till.waitForURL("**/shop/till");
  const stock = async (name) => Number((await till.locator(`[data-test="item-${name}"] [data-test=stock]`).innerText())
    .replace(/\D/g, ""));
  const result = till.locator("[data-test=till-result]");
  async function said(text, what) {
    await till.waitForFunction((t) => document.querySelector("[data-test=till-result]")?.textContent?.includes(t), text);
    check((await result.innerText()).includes(text), what);
  }
  async function basket(code, quantities, hold) {
    await till.fill("[data-test=code] input", code);
    for (const [name, n] of Object.entries(quantities)) {
      await till.fill(`[data-test="item-${name}"] [data-test=quantity] input`, String(n));
      await till.locator(`[data-test="item-${name}"] [data-test=quantity] input`).blur();
    }
    if (hold) await till.click("[data-test=mode-hold]");
    else await till.click("[data-test=mode-capture]");
    await till.click("[data-test=charge]");
  }
  const newest = () => till.locator("article.redemption").first();

  await till.locator(`[data-test="item-${world.rice}"]`).waitFor();
  check(await stock(world.rice) === 20, "the catalogue shows the rice in stock");

  // two bags of rice and a bottle of oil, charged at once
  await basket(world.codes[0], { [world.rice]: 2, [world.oil]: 1 }, false);
  await said("已扣 75 积分", "the till says 75 points were charged");
  check(await stock(world.rice) === 18, "two bags of rice left the stock");
  await shot(till, "shop-till-items-phone");

  // one bag comes back: refunded from the receipt, back in stock
  await newest().locator(`[data-test="pick-${world.rice}"] input`).fill("1");
  await newest().locator(`[data-test="pick-${world.rice}"] input`).blur();
  await newest().locator("[data-test=refund]").click();
  await said("已退还 30 积分", "the refund says what came back");
  check(await stock(world.rice) === 19, "the returned bag is back in stock");

  // a hold of two bags, of which the volunteer takes one
  await basket(world.codes[1], { [world.rice]: 2 }, true);
  await said("已冻结 60 积分", "the hold says what it reserved");
  check(await stock(world.rice) === 17, "held bags are out of stock while held");
  await newest().locator(`[data-test="pick-${world.rice}"] input`).fill("1");
  await newest().locator(`[data-test="pick-${world.rice}"] input`).blur();
  await newest().locator("[data-test=capture-part]").click();
  await said("已确认 30 积分", "the partial capture charges the bag kept");
  check(await stock(world.rice) === 18, "the bag not taken is back in stock");

  // a hold of oil, voided
  await basket(world.codes[2], { [world.oil]: 1 }, true);
  await said("已冻结 15 积分", "the oil is held");
  check(await stock(world.oil) === 7, "the held oil is out of stock");
  await newest().locator("[data-test=void]").click();
  await said("已取消兑换", "the void says points and stock are back");
  check(await stock(world.oil) === 8, "the oil is back in stock");
  await shot(till, "shop-till-holds-phone");
} finally {
  await browser.close();
}
