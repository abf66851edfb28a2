import { inflateSync } from "node:zlib";
import { parse } from "csv-parse/sync";
import { marked } from "marked";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pdfText } from "@/e2e/support/pdf-text";
import { severitySeries } from "@/components/charts/chart-series";
import { weeklyMarkdown } from "@/lib/reports/weekly-markdown";
import { weeklyPdf } from "@/lib/reports/weekly-pdf";
import { useTestDatabase, type TestDatabase } from "@/lib/server/testing/test-database";
import { getWeeklyReportModel } from "./get-weekly-report-model";
import { weekCsvText } from "./week-csv";

// One week with hostile and non-Latin titles, and two resolved Sev1/Sev2 incidents whose
// time-to-resolve p90 is exactly 11.85 h (11 h 24 min and 11 h 54 min: 11.4 + 0.9 × 0.5).
const MONDAY = "2026-12-07";
const CJK = "支付服务中断";
const JAPANESE = "決済サービス停止";
const ARABIC = ["انقطاع", "الخدمة"];
const EMOJI = "🔥";
const HOSTILE_MD = "<img src=x onerror=alert(1)> [open](javascript:alert(document.cookie))";
const FORMULA = '=HYPERLINK("https://evil.example","invoice")';
const at = (day: number, hours: number, minutes = 0) => new Date(Date.UTC(2026, 11, day, hours, minutes));
let database: TestDatabase;

beforeAll(async () => {
  database = await useTestDatabase();
  const db = database.connection.prisma;
  const commander = await db.user.create({ data: { email: "c@example.test", name: "@SUM(1+1) <b>Chef</b>" } });
  await db.incident.create({
    data: {
      title: `${CJK} ${JAPANESE} — ${ARABIC.join(" ")} ${EMOJI} ${HOSTILE_MD}`,
      severity: "SEV1",
      status: "RESOLVED",
      impactStartedAt: at(7, 8),
      resolvedAt: at(7, 19, 24),
      commanderId: commander.id,
    },
  });
  await db.incident.create({
    data: {
      title: FORMULA,
      severity: "SEV2",
      status: "RESOLVED",
      impactStartedAt: at(8, 8),
      resolvedAt: at(8, 19, 54),
    },
  });
  await db.incident.create({ data: { title: "-2+3 still open", severity: "SEV3", impactStartedAt: at(9, 8) } });
});
afterAll(() => database.dispose());

/** Every fill colour ("r g b scn" or "rg") the PDF's page content streams paint with, as #rrggbb. */
function pdfFillColours(pdf: Buffer): Set<string> {
  const colours = new Set<string>();
  const raw = pdf.toString("latin1");
  for (const match of raw.matchAll(/stream\r?\n/g)) {
    const start = match.index + match[0].length;
    let content: string;
    try {
      content = inflateSync(pdf.subarray(start, raw.indexOf("endstream", start))).toString("latin1");
    } catch {
      continue; // not a Flate stream (fonts, images)
    }
    for (const [, ...rgb] of content.matchAll(/([\d.]+) ([\d.]+) ([\d.]+) (?:rg|scn)\b/g))
      colours.add(
        `#${rgb
          .map((v) =>
            Math.round(Number(v) * 255)
              .toString(16)
              .padStart(2, "0"),
          )
          .join("")}`,
      );
  }
  return colours;
}

const build = () =>
  getWeeklyReportModel({
    isoWeek: "2026-W50",
    monday: MONDAY,
    timeZone: "UTC",
    organisation: "Acme <i>Org</i>",
    baseUrl: "https://faultline.example/",
    now: at(13, 12),
  });

describe("weekly report exports of a hostile week", () => {
  it("rounds the p90 of 11.85 h once, to 11.9 h, in every rendering", async () => {
    const model = await build();
    expect(model.timeToResolve).toMatchObject({ resolved: 2 });
    expect(model.timeToResolve.p90Hours).toBeCloseTo(11.85, 9);
    const p90 = model.headlines.find((h) => h.label === "p90 time to resolve")!;
    expect(p90.current).toBeCloseTo(11.85, 9);
    expect(weeklyMarkdown(model)).toMatch(/\| p90 time to resolve \| 11\.9 h \|/);
    const pdf = (await pdfText(new Uint8Array(await weeklyPdf(model)))).text.replace(/\s+/g, " ");
    expect(pdf).toContain("p90 time to resolve 11.9 h");
    expect(pdf).toContain("Median time to resolve 11.7 h"); // 11.65 h
  });

  it("writes the days and times a person reads in the org's style, not ISO (Markdown and PDF)", async () => {
    const model = await build();
    const md = weeklyMarkdown(model);
    expect(md).toContain("Monday 7 Dec 2026 to Sunday 13 Dec 2026 (UTC). Generated 13 Dec 2026, 12:00.");
    const pdf = (await pdfText(new Uint8Array(await weeklyPdf(model)))).text.replace(/\s+/g, " ");
    expect(pdf).toContain("Monday 7 Dec 2026 to Sunday 13 Dec 2026");
    expect(pdf).not.toMatch(/Monday 2026-12-07/);
  });

  it("paints the PDF's severity bars in the web charts' colours (distinct Sev2 orange, Sev3 amber)", async () => {
    const colours = pdfFillColours(await weeklyPdf(await build()));
    const web = Object.fromEntries(severitySeries().map((s) => [s.key, s.color]));
    // The week has a Sev1, a Sev2 and a Sev3.
    for (const key of ["sev1", "sev2", "sev3"]) expect(colours).toContain(web[key]);
    expect(web.sev2).not.toBe(web.sev3);
  });

  it("writes hostile titles into Markdown as text, with links only to the public URL", async () => {
    const md = weeklyMarkdown(await build());
    const html = marked.parse(md, { async: false, gfm: true });
    expect(html).not.toMatch(/<(img|b|i|script)\b/);
    for (const [, href] of html.matchAll(/href="([^"]*)"/g))
      expect(href).toMatch(/^https:\/\/faultline\.example\/incidents\/\d+$/);
    expect(html).toContain("&lt;img src=x onerror=alert(1)&gt;");
    expect(html).toContain("[open](javascript:alert(document.cookie))");
    expect(html).toContain("@SUM(1+1) &lt;b&gt;Chef&lt;/b&gt;");
    expect(md).toContain("# Weekly review (TWiST): Acme &lt;i&gt;Org&lt;/i&gt;, week 2026-W50");
  });

  it("neutralises formulas in the incidents CSV", async () => {
    const rows = parse(await weekCsvText("incidents", MONDAY, "UTC", at(13, 12)), { columns: true }) as Record<
      string,
      string
    >[];
    expect(rows.map((r) => r.title)).toContain(`'${FORMULA}`);
    expect(rows.map((r) => r.title)).toContain("'-2+3 still open");
    expect(rows.find((r) => r.severity === "SEV1")!.commander).toBe("'@SUM(1+1) <b>Chef</b>");
    const changes = await weekCsvText("changes", MONDAY, "UTC", at(13, 12));
    expect(changes.trim()).toMatch(/^change_id,source,/); // the header, even for a week without changes
    expect(parse(changes, { columns: true })).toEqual([]);
  });

  it("prints Chinese, Japanese, Arabic and emoji in the PDF, and embeds only what it uses", async () => {
    const pdf = await weeklyPdf(await build());
    const { text } = await pdfText(new Uint8Array(pdf));
    // pdf.js splits text into runs by font and script; Arabic comes out in visual order, word
    // by word, with C0 control characters where the shaper placed zero-width glyphs.
    const joined = text.replace(/[\s\u0000-\u001f]+/g, "");
    for (const word of [CJK, JAPANESE, ...ARABIC, EMOJI]) expect(joined).toContain(word);
    expect(pdf.length).toBeLessThan(400_000); // subsets, not the 10 MB CJK font
  });
});
