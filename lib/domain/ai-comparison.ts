// The weekly review's question — are AI-assisted changes riskier? — answered with its
// uncertainty: one typed model (rates with Wilson intervals, crude and Mantel–Haenszel
// relative risks) and one plain sentence that never claims more than the intervals allow.
import { AI_SHARE_BAND_LABELS, type AiShareBand } from "./attribution/ai-share";
import { AI_INVOLVEMENT_LABELS, type AiInvolvement } from "./change";
import {
  failureRate,
  mantelHaenszelRisk,
  MIN_CHANGES,
  MIN_FAILURES,
  relativeRisk,
  type Rate,
  type RelativeRisk,
} from "./statistics";

export type GroupCounts = { failed: number; total: number };
export type BandKey = AiShareBand | "NO_EVIDENCE";
export type InvolvementKey = AiInvolvement | "UNSPECIFIED";

export type AiComparisonCounts = {
  weeks: number;
  ai: GroupCounts;
  other: GroupCounts;
  /** One per service tier × change kind. */
  strata: { ai: GroupCounts; other: GroupCounts }[];
  bands: ({ key: BandKey } & GroupCounts)[];
  involvements: ({ key: InvolvementKey } & GroupCounts)[];
  /** Changes shipped in the range whose evidence contradicts what was declared. */
  mismatches: number;
};

export type Verdict = "HIGHER" | "LOWER" | "NO_CLEAR_DIFFERENCE" | "NOT_ENOUGH_DATA";
export type LabelledRate = Rate & { key: string; label: string };

export type AiComparison = {
  weeks: number;
  ai: Rate;
  other: Rate;
  crude: RelativeRisk;
  adjusted: RelativeRisk;
  verdict: Verdict;
  sentence: string;
  bands: LabelledRate[];
  involvements: LabelledRate[];
  mismatches: number;
  minimum: { changes: number; failures: number };
};

const BAND_LABELS: Record<BandKey, string> = { ...AI_SHARE_BAND_LABELS, NO_EVIDENCE: "no evidence" };
const INVOLVEMENT_LABELS: Record<InvolvementKey, string> = { ...AI_INVOLVEMENT_LABELS, UNSPECIFIED: "not stated" };

export function buildAiComparison(counts: AiComparisonCounts): AiComparison {
  const ai = failureRate(counts.ai.failed, counts.ai.total);
  const other = failureRate(counts.other.failed, counts.other.total);
  const toStratum = (s: { ai: GroupCounts; other: GroupCounts }) => ({
    a: s.ai.failed,
    n1: s.ai.total,
    c: s.other.failed,
    n0: s.other.total,
  });
  const enough = ai.enoughData && other.enoughData;
  const crude = enough ? relativeRisk(toStratum(counts)) : null;
  const adjusted = enough ? mantelHaenszelRisk(counts.strata.map(toStratum)) : null;
  const verdict: Verdict = !crude
    ? "NOT_ENOUGH_DATA"
    : crude.ci.lower > 1
      ? "HIGHER"
      : crude.ci.upper < 1
        ? "LOWER"
        : "NO_CLEAR_DIFFERENCE";
  const labelled = <K extends string>(rows: ({ key: K } & GroupCounts)[], labels: Record<K, string>) =>
    rows.map((row) => ({ ...failureRate(row.failed, row.total), key: row.key, label: labels[row.key] }));
  return {
    weeks: counts.weeks,
    ai,
    other,
    crude,
    adjusted,
    verdict,
    sentence: comparisonSentence({ weeks: counts.weeks, ai, other, crude, adjusted, verdict }),
    bands: labelled(counts.bands, BAND_LABELS),
    involvements: labelled(counts.involvements, INVOLVEMENT_LABELS),
    mismatches: counts.mismatches,
    minimum: { changes: MIN_CHANGES, failures: MIN_FAILURES },
  };
}

/** 2.1, 0.62, 12 — two significant figures, as the intervals do not support more. */
export function formatRatio(value: number): string {
  if (value >= 10) return value.toFixed(0);
  if (value >= 1) return value.toFixed(1);
  return value.toFixed(2);
}

const ci = (risk: NonNullable<RelativeRisk>) => `${formatRatio(risk.ci.lower)}–${formatRatio(risk.ci.upper)}`;

function comparisonSentence(
  c: Pick<AiComparison, "weeks" | "ai" | "other" | "crude" | "adjusted" | "verdict">,
): string {
  const period = `Over the last ${c.weeks} week${c.weeks === 1 ? "" : "s"}`;
  if (!c.crude) {
    const group = (r: Rate) => `${r.total} shipped, ${r.failed} failed`;
    return `${period}, there is not enough data to compare AI-assisted and other changes (each group needs at least ${MIN_CHANGES} shipped changes and ${MIN_FAILURES} failures; AI-assisted: ${group(c.ai)}; others: ${group(c.other)}).`;
  }
  const adjusted = c.adjusted
    ? adjustedClause(c.adjusted, c.crude, c.verdict)
    : "; it could not be adjusted for service tier and change kind, as no tier and kind has both groups";
  if (c.verdict === "NO_CLEAR_DIFFERENCE") {
    return `${period}, there is no clear difference between AI-assisted and other changes (relative risk ${formatRatio(c.crude.rr)}, 95 % CI ${ci(c.crude)}${adjusted}).`;
  }
  if (c.verdict === "LOWER") {
    return `${period}, AI-assisted changes failed less often than others: ${formatRatio(c.crude.rr)}× their rate (95 % CI ${ci(c.crude)}${adjusted}).`;
  }
  return `${period}, AI-assisted changes failed ${formatRatio(c.crude.rr)}× as often as others (95 % CI ${ci(c.crude)}${adjusted}).`;
}

function adjustedClause(
  adjusted: NonNullable<RelativeRisk>,
  crude: NonNullable<RelativeRisk>,
  crudeVerdict: Verdict,
): string {
  const figure = `${formatRatio(adjusted.rr)}× after accounting for service tier and change kind`;
  const verdict: Verdict = adjusted.ci.lower > 1 ? "HIGHER" : adjusted.ci.upper < 1 ? "LOWER" : "NO_CLEAR_DIFFERENCE";
  const reversed = (crude.rr - 1) * (adjusted.rr - 1) < 0;
  if (verdict === crudeVerdict && !reversed) return `; ${figure}, CI ${ci(adjusted)}`;
  const clear = verdict === "NO_CLEAR_DIFFERENCE" ? "no clear difference" : "a clear difference";
  return `; but ${figure} (CI ${ci(adjusted)})${reversed ? ", the other way round" : ""}: ${clear} once the mix of services and change kinds is taken into account`;
}
