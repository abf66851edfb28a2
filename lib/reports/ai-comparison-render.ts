// The AI comparison as Markdown lines and CSV rows: the same numbers as the dashboard and the
// API (lib/domain/ai-comparison.ts), rounded once, here, for display.
import { stringify } from "csv-stringify/sync";
import { formatRatio, type AiComparison, type LabelledRate } from "@/lib/domain/ai-comparison";
import type { Rate, RelativeRisk } from "@/lib/domain/statistics";

const percent = (value: number | null | undefined) =>
  value === null || value === undefined ? "" : `${(value * 100).toFixed(1)} %`;
const rateCell = (r: Rate) => (r.enoughData ? percent(r.rate) : r.total ? "not enough data" : "—");
const ciCell = (r: Rate) => (r.enoughData && r.ci ? `${percent(r.ci.lower)} – ${percent(r.ci.upper)}` : "");
const rrCell = (r: RelativeRisk) =>
  r ? `${formatRatio(r.rr)}× (95 % CI ${formatRatio(r.ci.lower)}–${formatRatio(r.ci.upper)})` : "not enough data";

function groups(c: AiComparison): [string, Rate][] {
  return [
    ["AI-assisted", c.ai],
    ["Other", c.other],
    ...c.bands.map((b): [string, Rate] => [`AI share ${b.label}`, b]),
    ...c.involvements.map((i): [string, Rate] => [`Involvement: ${i.label}`, i]),
  ];
}

/** A section for the weekly report's Markdown, sentence first. */
export function aiComparisonMarkdownLines(c: AiComparison): string[] {
  const lines = ["## Are AI-assisted changes riskier?", "", c.sentence, ""];
  lines.push(`| Group | Shipped | Failed | Failure rate | 95 % CI (Wilson) |`, "|---|---:|---:|---:|---|");
  for (const [label, r] of groups(c))
    lines.push(`| ${label} | ${r.total} | ${r.failed} | ${rateCell(r)} | ${ciCell(r)} |`);
  lines.push("");
  lines.push(`- Relative risk, AI-assisted vs other: ${rrCell(c.crude)}`);
  lines.push(`- Adjusted for service tier and change kind (Mantel–Haenszel): ${rrCell(c.adjusted)}`);
  lines.push(`- Changes whose attribution evidence contradicts what was declared: ${c.mismatches}`);
  lines.push(
    `- A rate needs at least ${c.minimum.changes} shipped changes and ${c.minimum.failures} failures; below that it reads "not enough data".`,
  );
  lines.push("");
  return lines;
}

/** One row per group and per ratio; columns listed in docs/ai-attribution.md. */
export function aiComparisonCsv(c: AiComparison): string {
  const rows = groups(c).map(([label, r]: [string, Rate | LabelledRate]) => ({
    measure: "failure_rate",
    group: label,
    shipped: r.total,
    failed: r.failed,
    value: r.enoughData ? r.rate : "",
    ci_lower: r.enoughData ? (r.ci?.lower ?? "") : "",
    ci_upper: r.enoughData ? (r.ci?.upper ?? "") : "",
    enough_data: r.enoughData,
  }));
  const ratio = (measure: string, r: RelativeRisk) => ({
    measure,
    group: "AI-assisted vs other",
    shipped: c.ai.total + c.other.total,
    failed: c.ai.failed + c.other.failed,
    value: r?.rr ?? "",
    ci_lower: r?.ci.lower ?? "",
    ci_upper: r?.ci.upper ?? "",
    enough_data: r !== null,
  });
  return stringify([...rows, ratio("relative_risk", c.crude), ratio("relative_risk_mantel_haenszel", c.adjusted)], {
    header: true,
    cast: { boolean: (value: boolean) => (value ? "true" : "false") },
  });
}
