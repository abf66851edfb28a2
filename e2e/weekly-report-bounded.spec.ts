// Issue 16 item 9 and issue 19: the list of recent weeks, no publishing of an unfinished
// week, the PDF's charts, and a server that keeps answering while a PDF is made.
import { mkdir, writeFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { DEMO, signIn } from "./support/auth";
import { pdfText } from "./support/pdf-text";

const SHOTS = "/tmp/shots-report";
// A cold PDF worker and full-page screenshots in four modes take a while on a shared machine.
test.describe.configure({ timeout: 240_000 });

test("/reports lists recent weeks, published or not, and opens any of them", async ({ page }) => {
  await signIn(page, DEMO.manager);
  await page.goto("/reports");
  const rows = page.getByRole("row").filter({ has: page.getByRole("link", { name: /^\d{4}-W\d{2} · week of / }) });
  await expect(rows).toHaveCount(12);
  await expect(rows.first()).toContainText("In progress");
  await expect(rows.nth(1)).toContainText(/Not published|Published/);
  for (const [width, height, theme] of [
    [1440, 900, "light"],
    [390, 844, "light"],
    [1440, 900, "dark"],
    [390, 844, "dark"],
  ] as const) {
    await page.setViewportSize({ width, height });
    await page.emulateMedia({ colorScheme: theme });
    await page.screenshot({ path: `${SHOTS}/reports-${width}-${theme}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1440, height: 900 });
  const second = rows.nth(2).getByRole("link");
  const week = (await second.textContent())!.slice(0, 8);
  await second.click();
  await expect(page).toHaveURL(new RegExp(`/reports/weekly/${week}$`));
  await expect(page.getByRole("heading", { name: new RegExp(`\\(${week}\\)`) })).toBeVisible();
});

test("the current week cannot be published and 'Next week' stops at it", async ({ page }) => {
  await signIn(page, DEMO.manager);
  await page.goto("/reports");
  const current = page.getByRole("row").filter({ hasText: "In progress" }).getByRole("link");
  await current.click();
  await expect(page.getByText("This week has not ended yet. It can be published from Monday")).toBeVisible();
  await expect(page.getByRole("button", { name: /Publish/ })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Next week →" })).toHaveCount(0);
  await expect(page.getByText("This week is not over yet: its figures are so far.")).toBeVisible();
  await page.getByRole("link", { name: "← Previous week" }).click();
  await expect(
    page
      .getByRole("button", { name: "Publish for the meeting" })
      .or(page.getByRole("button", { name: "Publish again" })),
  ).toBeVisible();
  await expect(page.getByRole("link", { name: "Next week →" })).toBeVisible();
  for (const [width, height, theme] of [
    [1440, 900, "light"],
    [390, 844, "light"],
    [1440, 900, "dark"],
    [390, 844, "dark"],
  ] as const) {
    await page.setViewportSize({ width, height });
    await page.emulateMedia({ colorScheme: theme });
    await expect(page.locator("svg.recharts-surface[role=application]").first()).toBeVisible();
    await page.screenshot({ path: `${SHOTS}/weekly-report-${width}-${theme}.png`, fullPage: true });
  }
});

test("the PDF marks the reported week on nice axis ticks, and the server answers while it is made", async ({
  page,
}, testInfo) => {
  await signIn(page, DEMO.manager);
  await page.goto("/reports");
  const lastWeekLink = page.getByRole("row").nth(2).getByRole("link");
  const week = (await lastWeekLink.textContent())!.slice(0, 8);

  // /api/health keeps answering quickly while the PDF renders (it used to stall for minutes).
  const pdfRequest = page.request.get(`/reports/weekly/${week}/export?format=pdf`, { timeout: 120_000 });
  const latencies: number[] = [];
  let done = false;
  void pdfRequest.finally(() => (done = true));
  while (!done && latencies.length < 40) {
    const started = Date.now();
    expect((await page.request.get("/api/health")).status()).toBe(200);
    latencies.push(Date.now() - started);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const pdf = await pdfRequest;
  expect(pdf.status()).toBe(200);
  expect(latencies.length).toBeGreaterThan(0);
  expect(Math.max(...latencies)).toBeLessThan(5_000);
  testInfo.annotations.push({ type: "health latency during PDF (ms)", description: latencies.join(",") });

  const body = new Uint8Array(await pdf.body());
  await mkdir(SHOTS, { recursive: true });
  await writeFile(`${SHOTS}/twist-${week}.pdf`, body);
  const { text } = await pdfText(body.slice());
  const flat = text.replace(/\s+/g, " ");
  expect(flat).toContain("shaded: this week");
  // Percentage axes on round ticks (0/20/40 %, 0/25/50 % …), drawn in order from 0 %:
  // every tick a multiple of 2.5 %, evenly spaced (it used to be 0/35/69 %).
  const axes = [...flat.matchAll(/(?:^|\s)0%((?:\s\d+(?:\.\d+)?%){2,4})/g)].map((m) => [
    0,
    ...m[1]
      .trim()
      .split(/\s+/)
      .map((t) => Number(t.replace("%", ""))),
  ]);
  expect(axes.length).toBeGreaterThanOrEqual(2); // AI-linked share, change failure rate
  for (const ticks of axes) {
    for (const tick of ticks) expect((tick * 10) % 25).toBe(0);
    expect(new Set(ticks.slice(1).map((t, i) => t - ticks[i])).size).toBe(1);
  }

  // A second download is served from the cache shared through the database.
  const started = Date.now();
  const again = await page.request.get(`/reports/weekly/${week}/export?format=pdf`);
  expect(again.status()).toBe(200);
  testInfo.annotations.push({ type: "cached PDF (ms)", description: String(Date.now() - started) });
});
