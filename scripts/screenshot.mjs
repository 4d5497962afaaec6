// Screenshots of pages as a signed-in user, for looking at what we built:
//   node scripts/screenshot.mjs <username> <out-dir> /parks /projects ...
// Uses Debian's Chromium; BASE_URL defaults to http://localhost:3000; WIDTH=390 for a phone.
import { chromium } from "@playwright/test";

const [username, outDir, ...paths] = process.argv.slice(2);
const base = process.env.BASE_URL ?? "http://localhost:3000";
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic", "--no-first-run"],
});
const width = Number(process.env.WIDTH ?? 1440);
const page = await browser.newPage({ viewport: { width, height: width < 600 ? 844 : 900 }, locale: "zh-CN" });
await page.goto(`${base}/login`);
await page.getByLabel("用户名").fill(username);
await page.getByLabel("密码").fill(process.env.PASSWORD ?? "Park@2026");
await page.getByRole("button", { name: "登录" }).click();
await page.getByTestId("current-user").waitFor({ timeout: 30_000 }); // each role lands on its own work
for (const path of paths) {
  await page.goto(`${base}${path}`);
  const file = `${outDir}/${username}${path.replace(/[/?=&]+/g, "_")}${width === 1440 ? "" : `_${width}`}.png`;
  await page.screenshot({ path: file, fullPage: process.env.FULL !== "0" });
  console.log(file);
}
await browser.close();
