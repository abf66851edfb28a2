// The blast-radius rule: how far an incident reached, summarised as one level.
// Documented for users at /help/definitions; every threshold is unit-tested at its edge.

export const BLAST_RADIUS_LEVELS = ["LOW", "MEDIUM", "HIGH", "CRITICAL"] as const;
export type BlastRadiusLevel = (typeof BLAST_RADIUS_LEVELS)[number];

export type BlastRadiusFacts = {
  /** Number of affected services. */
  services: number;
  /** Number of affected regions. */
  regions: number;
  /** Number of affected customer-facing capabilities (checkout, sign-in, …). */
  capabilities: number;
  /** Share of customers or requests affected, in percent (0–100); null when unknown. */
  customerImpactPct: number | null;
  /** Failed orders or transactions; null when unknown. */
  failedTransactions: number | null;
  /** Minutes from impact start to mitigation (or resolution); null while still ongoing. */
  impactMinutes: number | null;
};

type Criterion = { level: BlastRadiusLevel; reason: string; applies: (f: BlastRadiusFacts) => boolean };

const atLeast = (value: number | null, threshold: number) => value !== null && value >= threshold;

/** Checked from the most severe down; the first that applies sets the level. */
export const BLAST_RADIUS_CRITERIA: readonly Criterion[] = [
  {
    level: "CRITICAL",
    reason: "50% or more of customers or requests affected",
    applies: (f) => atLeast(f.customerImpactPct, 50),
  },
  {
    level: "CRITICAL",
    reason: "100,000 or more failed orders or transactions",
    applies: (f) => atLeast(f.failedTransactions, 100_000),
  },
  {
    level: "CRITICAL",
    reason: "3 or more regions and 2 or more customer-facing capabilities",
    applies: (f) => f.regions >= 3 && f.capabilities >= 2,
  },
  {
    level: "CRITICAL",
    reason: "a customer-facing capability impaired for 4 hours or more",
    applies: (f) => f.capabilities >= 1 && atLeast(f.impactMinutes, 240),
  },
  {
    level: "HIGH",
    reason: "10% or more of customers or requests affected",
    applies: (f) => atLeast(f.customerImpactPct, 10),
  },
  {
    level: "HIGH",
    reason: "10,000 or more failed orders or transactions",
    applies: (f) => atLeast(f.failedTransactions, 10_000),
  },
  { level: "HIGH", reason: "2 or more regions", applies: (f) => f.regions >= 2 },
  { level: "HIGH", reason: "2 or more customer-facing capabilities", applies: (f) => f.capabilities >= 2 },
  { level: "HIGH", reason: "3 or more services", applies: (f) => f.services >= 3 },
  {
    level: "HIGH",
    reason: "a customer-facing capability impaired for 1 hour or more",
    applies: (f) => f.capabilities >= 1 && atLeast(f.impactMinutes, 60),
  },
  {
    level: "MEDIUM",
    reason: "1% or more of customers or requests affected",
    applies: (f) => atLeast(f.customerImpactPct, 1),
  },
  {
    level: "MEDIUM",
    reason: "100 or more failed orders or transactions",
    applies: (f) => atLeast(f.failedTransactions, 100),
  },
  { level: "MEDIUM", reason: "a customer-facing capability affected", applies: (f) => f.capabilities >= 1 },
  { level: "MEDIUM", reason: "2 or more services", applies: (f) => f.services >= 2 },
];

export type BlastRadiusAssessment = { level: BlastRadiusLevel; reason: string };

export function assessBlastRadius(facts: BlastRadiusFacts): BlastRadiusAssessment {
  const hit = BLAST_RADIUS_CRITERIA.find((criterion) => criterion.applies(facts));
  return hit
    ? { level: hit.level, reason: hit.reason }
    : { level: "LOW", reason: "contained: none of the thresholds reached" };
}

export function blastRadiusLevel(facts: BlastRadiusFacts): BlastRadiusLevel {
  return assessBlastRadius(facts).level;
}

/** Minutes of impact used by the rule: until mitigation, else resolution; null while ongoing. */
export function impactMinutes(impactStartedAt: Date, mitigatedAt: Date | null, resolvedAt: Date | null): number | null {
  const end = mitigatedAt ?? resolvedAt;
  return end ? Math.max(0, (end.getTime() - impactStartedAt.getTime()) / 60_000) : null;
}

/** "High blast radius or worse": the list filter and the dashboard count these. */
export const HIGH_OR_WORSE: readonly BlastRadiusLevel[] = ["HIGH", "CRITICAL"];
