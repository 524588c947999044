// A cashier's day at the counter, in Chromium with a fake camera showing the volunteer's payment
// code: the till scans it and captures two items in one POST, the outcome on screen before any other
// request; the shop's redemptions paged and one refunded from the list; the catalogue edited; the
// month's statement viewed and downloaded as CSV. Run by ShopTillBrowserTest; the world in WORLD.
import { readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { check, DESK, fakeCamera, launch, PHONE, shot, shots, signIn, world } from "./browser.mjs";

const camera = fakeCamera(world.code, join(tmpdir(), `shop-till-camera-${process.pid}.y4m`));
const browser = await launch({ camera });

try {
  const till = await signIn(browser, world.shopToken, PHONE);
  await till.waitForURL("**/shop/till");
  const stock = async (name) => Number((await till.locator(`[data-test="item-${name}"] [data-test=stock]`).innerText())
    .replace(/\D/g, ""));
  await till.locator(`[data-test="item-${world.rice}"]`).waitFor();

  // the volunteer holds up the payment code; the till's camera reads it into the code field
  await till.evaluate(() => {
    const open = navigator.mediaDevices.getUserMedia.bind(navigator.mediaDevices);
    window.__streams = [];
    navigator.mediaDevices.getUserMedia = async (constraints) => {
      const stream = await open(constraints);
      window.__streams.push(stream);
      return stream;
    };
  });
  await till.click("[data-test=scan]");
  await till.locator("[data-test=qr-scanner]").waitFor();
  await till.waitForFunction((code) => document.querySelector("[data-test=code] input")?.value === code, world.code,
    { timeout: 20000 });
  check(true, "the camera read the volunteer's payment code into the code field");
  check(await till.locator("[data-test=qr-scanner]").count() === 0, "the scanner closed once it read the code");
  check(await till.evaluate(() => window.__streams.length === 1
    && window.__streams.every((s) => s.getTracks().every((track) => track.readyState === "ended"))),
    "the camera was opened once and is off again");

  // two bags of rice and a bottle of oil, captured: one POST, and the outcome before anything else
  for (const [name, n] of [[world.rice, 2], [world.oil, 1]]) {
    await till.fill(`[data-test="item-${name}"] [data-test=quantity] input`, String(n));
    await till.locator(`[data-test="item-${name}"] [data-test=quantity] input`).blur();
  }
  await till.click("[data-test=mode-capture]");
  let posts = 0;
  till.on("request", (r) => {
    if (r.method() === "POST" && new URL(r.url()).pathname === "/api/v1/redemptions") posts++;
  });
  await till.evaluate(() => {
    performance.clearResourceTimings();
    window.__outcomeAt = undefined;
    new MutationObserver((_, observer) => {
      if (document.querySelector("[data-test=till-result]")?.textContent?.includes("已扣")) {
        window.__outcomeAt = performance.now();
        observer.disconnect();
      }
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  await till.click("[data-test=charge]");
  await till.waitForFunction(() => window.__outcomeAt !== undefined);
  const result = (await till.locator("[data-test=till-result]").innerText()).trim();
  check(result.includes("已扣 75 积分"), `the till says at once what it charged: ${result}`);
  // the lists are refreshed after the outcome: wait for that, then see what was asked before it
  await till.waitForFunction(() => performance.getEntriesByType("resource")
    .some((e) => e.name.includes("/items") && e.startTime > window.__outcomeAt && e.responseEnd > 0));
  const before = await till.evaluate(() => performance.getEntriesByType("resource")
    .filter((e) => e.name.includes("/api/") && e.startTime <= window.__outcomeAt).map((e) => new URL(e.name).pathname));
  check(before.length === 1 && before[0] === "/api/v1/redemptions",
    `one API request between the click and the outcome: ${JSON.stringify(before)}`);
  check(posts === 1, "one POST to /api/v1/redemptions");
  check(await stock(world.rice) === 18, "two bags of rice left the stock");
  check(await till.locator("[data-test=code] input").inputValue() === "", "the code field is cleared for the next customer");
  await shots(till, "shop-till-scanned");

  // the shop's redemptions, a page at a time
  await till.click("[data-test=nav-shop-redemptions]");
  await till.waitForURL("**/shop/redemptions");
  const cards = till.locator("[data-test=redemption-list] article.redemption");
  await cards.first().waitFor();
  check(await cards.count() === 10, "the first page lists ten redemptions");
  check((await till.locator("[data-test=page-number]").innerText()).includes("第 1 页"), "it says it is page 1");
  check((await cards.first().locator("[data-test=status]").innerText()).includes("已完成"), "the newest is the till's, done");
  await shots(till, "shop-redemptions");
  await till.click("[data-test=older]");
  await till.waitForFunction(() => document.querySelector("[data-test=page-number]")?.textContent?.includes("第 2 页"));
  await till.waitForFunction((n) => document.querySelectorAll("[data-test=redemption-list] article.redemption").length === n,
    world.earlier + 1 - 10);
  check(true, `the second page lists the other ${world.earlier + 1 - 10}`);
  check(await till.locator("[data-test=older]").isDisabled(), "there is no page after the last");
  await till.click("[data-test=newer]");
  await till.waitForFunction(() => document.querySelector("[data-test=page-number]")?.textContent?.includes("第 1 页"));
  // the oil comes back: refunded from the list
  const newest = cards.first();
  await newest.locator(`[data-test="pick-${world.oil}"] input`).fill("1");
  await newest.locator(`[data-test="pick-${world.oil}"] input`).blur();
  await newest.locator("[data-test=refund]").click();
  await till.waitForFunction(() => document.querySelector("[data-test=redemptions-result]")?.textContent?.includes("已退还 15 积分"));
  check(true, "the list says the oil's 15 points were refunded");

  // the catalogue: rice dearer and counted again, soap off sale, a towel added
  await till.click("[data-test=nav-shop-catalogue]");
  await till.waitForURL("**/shop/catalogue");
  const row = (name) => till.locator(`[data-test="cat-${name}"]`);
  await row(world.rice).waitFor();
  check(await row(world.oil).locator("[data-test=stock] input").inputValue() === "9", "the refunded oil is back in stock");
  await row(world.rice).locator("[data-test=price] input").fill("35");
  await row(world.rice).locator("[data-test=stock] input").fill("50");
  await row(world.soap).locator("[data-test=active]").click();
  await till.click("[data-test=save]");
  const catalogueSaid = till.locator("[data-test=catalogue-result]");
  await catalogueSaid.waitFor();
  check((await catalogueSaid.innerText()).includes("已保存 2 个商品"), "the save says how many items it changed");
  check((await row(world.soap).innerText()).includes("已下架"), "the soap is said to be off sale");
  await till.fill("[data-test=new-name] input", world.towel);
  await till.fill("[data-test=new-price] input", "12");
  await till.fill("[data-test=new-stock] input", "5");
  await till.click("[data-test=add]");
  await till.waitForFunction((name) => document.querySelector("[data-test=catalogue-result]")?.textContent?.includes(name),
    world.towel);
  check((await catalogueSaid.innerText()).includes("已添加商品"), "the new item is said to be added");
  await row(world.towel).waitFor();
  await shots(till, "shop-catalogue");

  // the month's statement, on screen and as CSV
  await till.click("[data-test=nav-shop-statement]");
  await till.waitForURL("**/shop/statement");
  await till.locator("[data-test=net]").waitFor();
  const net = world.redeemed - world.refunded;
  check((await till.locator("[data-test=redeemed]").innerText()).trim() === String(world.redeemed),
    `the statement shows ${world.redeemed} points redeemed`);
  check((await till.locator("[data-test=refunded]").innerText()).trim() === String(world.refunded),
    `and ${world.refunded} refunded`);
  check((await till.locator("[data-test=net]").innerText()).trim() === String(net), `and ${net} owed`);
  check((await till.locator("[data-test=ledger-checkpoint]").innerText()).includes(`#${world.checkpoint}`),
    `the statement prints the ledger's checkpoint #${world.checkpoint} to keep`);
  await shots(till, "shop-statement");
  const month = await till.locator("[data-test=month]").inputValue();
  const [download] = await Promise.all([till.waitForEvent("download"), till.click("[data-test=download]")]);
  check(download.suggestedFilename() === `shop-${world.shopId}-${month}.csv`, `the file is named ${download.suggestedFilename()}`);
  // the table, up to the blank line before the ledger checkpoint (when one has been signed)
  const csv = readFileSync(await download.path(), "utf8").split(/\r?\n\r?\n/)[0].split(/\r?\n/).filter(Boolean);
  check(csv[0] === "type,id,redemption_id,volunteer_id,at,points", "the CSV starts with its header");
  check(csv.filter((l) => l.startsWith("REDEMPTION,")).length === world.earlier + 1, "it lists every redemption");
  check(csv.some((l) => l.startsWith("REFUND,") && l.endsWith(`,-${world.refunded}`)), "and the refund, negative");
  check(csv[csv.length - 1] === `NET,,,,,${net}`, "and ends with the net");
  check((await till.locator("[data-test=statement-result]").innerText()).includes("已下载"), "the screen says it downloaded");
  // another month, chosen: nothing happened at this shop then
  await till.fill("[data-test=month]", "2020-01");
  await till.locator("[data-test=no-lines]").waitFor();
  check((await till.locator("[data-test=net]").innerText()).trim() === "0", "a month without redemptions owes nothing");

  // a till without a camera says so in words, and the code can still be typed
  const bare = await launch();
  try {
    const counter = await signIn(bare, world.shopToken, PHONE);
    await counter.waitForURL("**/shop/till");
    await counter.click("[data-test=scan]");
    await counter.locator("[data-test=qr-status].bad").waitFor();
    const said = (await counter.locator("[data-test=qr-status]").innerText()).trim();
    check(said.includes("手动输入"), `without a camera the scanner says so: ${said}`);
    await counter.click("[data-test=qr-cancel]");
    check(await counter.locator("[data-test=qr-scanner]").count() === 0, "and closes on request");
    await counter.fill("[data-test=code] input", "typed-by-hand");
    check(await counter.locator("[data-test=code] input").inputValue() === "typed-by-hand", "the code field stays usable");
  } finally {
    await bare.close();
  }
} finally {
  await browser.close();
  rmSync(camera, { force: true });
}
