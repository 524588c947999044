// What the browser runs share: the service's address, the world the Java test made, and signing in.
import jsQR from "jsqr";
import { chromium } from "playwright-core";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import QRCode from "qrcode";

export const base = process.env.BASE;
export const world = JSON.parse(process.env.WORLD);
const shotsDir = process.env.SCREENSHOTS;
export const DESK = { width: 1366, height: 800 };
export const PHONE = { width: 375, height: 760 };

export function check(condition, message) {
  if (!condition) throw new Error(message);
  console.log(`ok: ${message}`);
}

export async function shot(page, name) {
  if (shotsDir) {
    mkdirSync(shotsDir, { recursive: true });
    await page.screenshot({ path: join(shotsDir, `${name}.png`), fullPage: true });
  }
}

/** The text of the QR code drawn in an <img> (once it has loaded), or null when none can be read. */
export async function readQr(page, selector) {
  await page.waitForFunction((s) => {
    const img = document.querySelector(s);
    return img && img.complete && img.naturalWidth > 0;
  }, selector);
  const pixels = await page.locator(selector).evaluate((img) => {
    const canvas = document.createElement("canvas");
    canvas.width = img.naturalWidth;
    canvas.height = img.naturalHeight;
    const g = canvas.getContext("2d");
    g.drawImage(img, 0, 0);
    const data = g.getImageData(0, 0, canvas.width, canvas.height);
    return { width: data.width, height: data.height, data: Array.from(data.data) };
  });
  return jsQR(Uint8ClampedArray.from(pixels.data), pixels.width, pixels.height)?.data ?? null;
}

/** A screen at both sizes, desk and phone (README shows both); the page is left at its own size. */
export async function shots(page, name) {
  const own = page.viewportSize();
  for (const [size, viewport] of [["desk", DESK], ["phone", PHONE]]) {
    await page.setViewportSize(viewport);
    await page.waitForTimeout(150); // let the layout settle at the new width
    await shot(page, `${name}-${size}`);
  }
  await page.setViewportSize(own);
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


/**
 * Chromium, headless. With `camera` (a .y4m file, see fakeCamera), the page's camera is that video,
 * looped, and camera permission is granted without asking.
 */
export function launch({ camera } = {}) {
  const fake = camera ? ["--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream",
    `--use-file-for-fake-video-capture=${camera}`] : [];
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync", ...fake],
  });
}

/**
 * Writes a camera's video showing `text` as a QR code (black on white, in the middle of a 640x480
 * frame) to `path`, as Y4M 4:2:0: one frame, which Chromium's fake camera repeats. Returns the path.
 */
export function fakeCamera(text, path) {
  const modules = QRCode.create(text, { errorCorrectionLevel: "M" }).modules;
  const width = 640;
  const height = 480;
  const quiet = 4;
  const scale = Math.floor((height * 0.8) / (modules.size + 2 * quiet));
  const side = modules.size * scale;
  const left = Math.floor((width - side) / 2);
  const top = Math.floor((height - side) / 2);
  const luma = Buffer.alloc(width * height, 255);
  for (let row = 0; row < modules.size; row++) {
    for (let col = 0; col < modules.size; col++) {
      if (!modules.get(row, col)) continue;
      for (let y = 0; y < scale; y++) {
        luma.fill(0, (top + row * scale + y) * width + left + col * scale, (top + row * scale + y) * width + left + (col + 1) * scale);
      }
    }
  }
  const chroma = Buffer.alloc((width / 2) * (height / 2) * 2, 128);
  writeFileSync(path, Buffer.concat([
    Buffer.from(`YUV4MPEG2 W${width} H${height} F30:1 Ip A1:1 C420jpeg\n`), Buffer.from("FRAME\n"), luma, chroma]));
  return path;
}
