// AI share bands (PRODUCT.md: none, 1–20 %, 21–60 %, > 60 %) and the policy rule that
// evidence above a threshold makes a change AI-assisted whatever was declared.

export const AI_SHARE_BANDS = ["NONE", "LOW", "MID", "HIGH"] as const;
export type AiShareBand = (typeof AI_SHARE_BANDS)[number];
export const AI_SHARE_BAND_LABELS: Record<AiShareBand, string> = {
  NONE: "none",
  LOW: "1–20 %",
  MID: "21–60 %",
  HIGH: "> 60 %",
};
/** Upper bounds (inclusive) of each band as a share 0–1; the SQL filter uses the same numbers. */
export const AI_SHARE_BAND_BOUNDS: Record<AiShareBand, { above: number | null; atMost: number | null }> = {
  NONE: { above: null, atMost: 0 },
  LOW: { above: 0, atMost: 0.2 },
  MID: { above: 0.2, atMost: 0.6 },
  HIGH: { above: 0.6, atMost: null },
};

/** Filter values: a band, or changes without any line-level evidence. */
export const AI_SHARE_FILTERS = [...AI_SHARE_BANDS, "UNMEASURED"] as const;
export type AiShareFilter = (typeof AI_SHARE_FILTERS)[number];
export const AI_SHARE_FILTER_LABELS: Record<AiShareFilter, string> = {
  ...AI_SHARE_BAND_LABELS,
  UNMEASURED: "no evidence",
};

export function aiShareBand(share: number | null): AiShareBand | null {
  if (share === null) return null;
  if (share <= 0) return "NONE";
  if (share <= 0.2) return "LOW";
  if (share <= 0.6) return "MID";
  return "HIGH";
}

/** Default for ApprovalPolicy.aiShareThreshold. */
export const DEFAULT_AI_SHARE_THRESHOLD = 0.2;

export type EvidenceVerdict = {
  /** What the change counts as from now on. */
  aiAssisted: boolean;
  /** Evidence above the threshold on a change declared not AI-assisted. */
  mismatch: boolean;
};

/** Evidence strictly above the threshold makes a change AI-assisted; it never makes one not AI-assisted. */
export function evidenceVerdict(
  declaredAiAssisted: boolean,
  aiShare: number | null,
  threshold: number,
): EvidenceVerdict {
  const evidenceSaysAi = aiShare !== null && aiShare > threshold;
  return { aiAssisted: declaredAiAssisted || evidenceSaysAi, mismatch: evidenceSaysAi && !declaredAiAssisted };
}

export function formatShare(share: number | null): string {
  if (share === null) return "no lines";
  const percent = share * 100;
  if (percent > 0 && percent < 1) return "< 1 %";
  return `${Math.round(percent)} %`;
}
