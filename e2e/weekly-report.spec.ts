import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { DEMO, signIn, signOut } from "./support/auth";
import { withDb } from "./support/db";
import { pdfText } from "./support/pdf-text";

// The first PDF of a run starts the renderer's worker thread (seconds on a shared machine).
test.describe.configure({ timeout: 180_000 });

test("a manager opens last week's report and downloads the Markdown and CSV exports", async ({ page }, testInfo) => {
  await signIn(page, DEMO.manager);
  await page.getByRole("link", { name: "Weekly report" }).click();
  await page.getByRole("link", { name: "Last week's report" }).click();
  await expect(page).toHaveURL(/\/reports\/weekly\/\d{4}-W\d{2}$/);
  await expect(page.getByRole("heading", { name: /Weekly review: week of/ })).toBeVisible();
  await expect(page.getByRole("rowheader", { name: "AI-linked share of incidents" })).toBeVisible();
  const majorPanel = page.getByRole("region", { name: /Sev1 and Sev2 incidents \(\d+\)/ });
  await expect(majorPanel).toBeVisible();
  const majorCount = Number(/\((\d+)\)/.exec((await majorPanel.getAttribute("aria-label"))!)![1]);
  await expect(page.locator("svg.recharts-surface[role=application]")).toHaveCount(3);
  await page.screenshot({ path: testInfo.outputPath("weekly-report.png"), fullPage: true });

  // The header's links export the live report; a week another spec published also shows
  // its frozen files' links in the Publication panel.
  const reportActions = page.getByRole("navigation", { name: "Report actions" });
  const fetchDownload = async (name: string) => {
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      reportActions.getByRole("link", { name }).click(),
    ]);
    return readFile((await download.path())!, "utf8");
  };

  const [pdfDownload] = await Promise.all([
    page.waitForEvent("download"),
    reportActions.getByRole("link", { name: "PDF" }).click(),
  ]);
  const pdf = await pdfText(new Uint8Array(await readFile((await pdfDownload.path())!)));
  expect(pdf.text).toContain("Headline numbers");
  expect(pdf.text).toMatch(/Page 1 of \d+/);
  for (const title of await majorPanel.getByRole("link", { name: /^INC-\d+ / }).allTextContents()) {
    expect(pdf.text.replace(/\s+/g, " ")).toContain(
      title
        .replace(/^INC-\d+ /, "")
        .replace(/\s+/g, " ")
        .trim(),
    );
  }

  const markdown = await fetchDownload("Markdown");
  expect(markdown).toContain("| Metric | This week | Last week | 4-week average |");
  expect((markdown.match(/\[INC-\d+ /g) ?? []).length).toBe(majorCount);

  // The page and the file render the same model: the same figures, rounded the same way
  // (the Markdown is checked against the PDF, the CSV and the API in weekly-report.test.ts).
  const headlineTable = page.getByRole("table").filter({ has: page.getByRole("columnheader", { name: "Headline" }) });
  const headlineRows = await headlineTable.locator("tr:has(th[scope=row])").all();
  expect(headlineRows.length).toBeGreaterThan(10);
  for (const row of headlineRows) {
    const label = (await row.locator("th").textContent())!.trim();
    const figures = (await row.locator("td").allTextContents()).map((t) => t.trim());
    expect(markdown).toContain(`| ${label} | ${figures.join(" | ")} |`);
  }
  for (const item of await majorPanel.locator("ol > li").all()) {
    const text = (await item.textContent())!.replace(/\s+/g, " ");
    const id = /INC-(\d+)/.exec(text)![1];
    const duration = /duration (.+?) ·/.exec(text)![1];
    if (duration.endsWith("(open)")) continue; // still counting up between the two requests
    const row = markdown.split("\n").find((line) => line.includes(`[INC-${id} `))!;
    expect(row.split(" | ")[2]).toBe(duration);
  }

  const incidentsCsv = await fetchDownload("Incidents CSV");
  const incidentRows = incidentsCsv.trim().split("\n");
  expect(incidentRows[0]).toMatch(/^incident_id,title,severity,status,/);
  const weekIncidents = Number(
    await page
      .getByRole("row", { name: /^Incidents / })
      .getByRole("cell")
      .first()
      .textContent(),
  );
  expect(incidentRows.length - 1).toBe(weekIncidents);

  const changesCsv = await fetchDownload("Changes CSV");
  expect(changesCsv.split("\n")[0]).toMatch(/^change_id,source,external_id,kind,title,service,/);

  // Bad week or format: a clear 4xx, never a 500.
  expect((await page.request.get("/reports/weekly/2026-W99/export?format=md")).status()).toBe(404);
  expect((await page.request.get(`${new URL(page.url()).pathname}/export?format=pdfx`)).status()).toBe(422);
  await page.goto("/reports/weekly/not-a-week");
  await expect(page.getByRole("heading", { name: "This page does not exist" })).toBeVisible();
});

test("a manager writes notes and publishes; a later edit shows as changed since published; the published files stay", async ({
  page,
}) => {
  await signIn(page, DEMO.manager);
  await page.goto("/reports");
  await page.getByRole("link", { name: "Last week's report" }).click();
  await expect(page).toHaveURL(/\/reports\/weekly\/\d{4}-W\d{2}$/);
  const reportUrl = page.url();
  await page
    .getByRole("textbox", { name: "Notes for the meeting" })
    .fill("Discuss the agent-authored checkout changes.");
  await page.getByRole("button", { name: "Save notes" }).click();
  await expect(page.getByText("Notes saved.")).toBeVisible();
  await page.getByRole("button", { name: /Publish/ }).click();
  await expect(page.getByText("Published. This version is frozen for the meeting.")).toBeVisible();
  await expect(page.getByText("Nothing has changed since it was published.")).toBeVisible();
  const firstIncident = page
    .getByRole("region", { name: /Sev1 and Sev2 incidents/ })
    .getByRole("link", { name: /^INC-\d+ / })
    .first();
  const incidentHref = await firstIncident.getAttribute("href");
  const publishedMd = await page.getByRole("link", { name: "Markdown", exact: true }).nth(1).getAttribute("href");
  await signOut(page);

  // An engineer lowers the severity of one of the week's Sev1/Sev2 incidents.
  await signIn(page, DEMO.senior);
  await page.goto(incidentHref!);
  await page.getByRole("button", { name: /^Raise or lower severity/ }).click();
  await page.getByLabel("Reason for the severity change").fill("Impact was cosmetic after all");
  await page.getByRole("button", { name: "Lower to Sev4" }).click();
  await expect(page.getByText(/Severity lowered from Sev\d to Sev4/)).toBeVisible();
  await signOut(page);

  await signIn(page, DEMO.manager);
  await page.goto(reportUrl);
  const changed = page.getByRole("status").filter({ hasText: "Changed since published" });
  await expect(changed).toBeVisible();
  await expect(changed).toContainText("Sev4:");
  const frozenPdf = await page.request.get(publishedMd!.replace("format=md", "format=pdf"));
  expect(frozenPdf.headers()["content-type"]).toBe("application/pdf");
  expect((await pdfText(new Uint8Array(await frozenPdf.body()))).text).toContain("Headline numbers");
  const frozen = await page.request.get(publishedMd!);
  expect(frozen.status()).toBe(200);
  // The published Markdown still lists the incident among the week's Sev1/Sev2, as it was shown.
  expect(await frozen.text()).toContain(`[INC-${incidentHref!.split("/").pop()} `);
  await page.goto("/reports");
  const publishedWeek = /\/reports\/weekly\/(\d{4}-W\d{2})$/.exec(reportUrl)![1];
  await expect(page.getByRole("row").filter({ hasText: publishedWeek })).toContainText("Morgan Manager");
});

test("the served exports of a week with hostile and non-Latin titles stay text, and link to the public URL", async ({
  page,
}) => {
  // An otherwise empty week long before the demo data: a resolved Sev1 whose title attacks
  // the Markdown and needs non-Latin fonts (11 h 51 min = 11.85 h), and an open Sev2 whose
  // title is a spreadsheet formula.
  const title = "支付服务中断 انقطاع الخدمة 🔥 <img src=x onerror=alert(1)> [x](javascript:alert(1))";
  const formula = '=HYPERLINK("https://evil.example","invoice")';
  await withDb((client) =>
    client.query(
      `INSERT INTO "Incident" (title, severity, status, "impactStartedAt", "resolvedAt", "updatedAt")
       VALUES ($1, 'SEV1', 'RESOLVED', '2025-01-07T08:00:00Z', '2025-01-07T19:51:00Z', now()),
              ($2, 'SEV2', 'INVESTIGATING', '2025-01-08T08:00:00Z', NULL, now())`,
      [title, formula],
    ),
  );
  await signIn(page, DEMO.manager);
  const base = "/reports/weekly/2025-W02/export?format=";
  // A forged forwarded host must not change where the file's links point (NEXTAUTH_URL does).
  const md = await (await page.request.get(`${base}md`, { headers: { "x-forwarded-host": "evil.example" } })).text();
  expect(md).not.toContain("<img");
  expect(md).toContain("&lt;img src=x onerror=alert(1)&gt; \\[x\\](javascript:alert(1))");
  expect(md).not.toContain("evil.example/incidents");
  const origin = new URL(page.url()).origin;
  expect(md).toContain(`](${origin}/incidents/`);
  expect(md).toContain("| p90 time to resolve | 11.9 h |");

  const csv = await (await page.request.get(`${base}incidents.csv`)).text();
  expect(csv).toContain(`"'=HYPERLINK(""https://evil.example"",""invoice"")"`);
  expect(csv).not.toMatch(/(^|,)"?=HYPERLINK/m);

  const pdf = await page.request.get(`${base}pdf`);
  expect(pdf.status()).toBe(200);
  const text = (await pdfText(new Uint8Array(await pdf.body()))).text.replace(/[\s\u0000-\u001f]+/g, "");
  for (const word of ["支付服务中断", "انقطاع", "الخدمة", "🔥"]) expect(text).toContain(word);
});
