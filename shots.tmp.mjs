import { chromium } from "@playwright/test";
const base = "http://127.0.0.1:3200";
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] });
const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
await page.goto(base + "/login");
await page.getByLabel("Email").fill(process.env.WHO ?? "senior@faultline.dev");
await page.getByLabel("Password").fill("faultline-demo");
await page.getByRole("button", { name: "Sign in" }).click();
await page.waitForURL(/incidents/);
for (const [name, path] of JSON.parse(process.env.PAGES)) {
  await page.goto(base + path);
  await page.waitForLoadState("networkidle");
  await page.screenshot({ path: `/tmp/shot-${name}.png`, fullPage: true });
  console.log("shot", name);
}
await browser.close();
