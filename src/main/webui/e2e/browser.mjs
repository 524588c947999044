// What the browser runs share: the service's address, the world the Java test made, and signing in.
import { chromium } from "playwright-core";
import { mkdirSync } from "node:fs";
import { join } from "node:path";

export const base = process.env.BASE;
export const world = JSON.parse(process.env.WORLD);
const shots = process.env.SCREENSHOTS;
export const DESK = { width: 1366, height: 800 };
export const PHONE = { width: 375, height: 760 };

export function check(condition, message) {
  if (!condition) throw new Error(message);
  console.log(`ok: ${message}`);
}

export async function shot(page, name) {
  if (shots) {
    mkdirSync(shots, { recursive: true });
    await page.screenshot({ path: join(shots, `${name}.png`), fullPage: true });
  }
}

export async function signIn(browser, token, viewport) {
  const context = await browser.newContext({ viewport, locale: "zh-CN", timezoneId: "Asia/Shanghai" });
  const page = await context.newPage();
  page.on("pageerror", (e) => console.error(`page error: ${e.message}`));
  page.on("console", (m) => { if (m.type() === "error") console.error(`console: ${m.text()}`); });
  page.on("response", (r) => { if (r.status() >= 400) console.error(`http ${r.status()}: ${r.url()}`); });
  await enter(page, token);
  return page;
}

/** The sign-in page (the token lives in memory only, so every visit starts here). */
export async function enter(page, token) {
  await page.goto(`${base}/`);
  try {
    await page.locator("[data-test=token]").waitFor({ timeout: 15000 });
  } catch (e) {
    console.error(`the sign-in page did not show the token field; it shows:\n${(await page.content()).slice(0, 3000)}`);
    throw e;
  }
  await page.fill("[data-test=token]", token);
  await page.click("[data-test=token-sign-in]");
}


export function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
}
