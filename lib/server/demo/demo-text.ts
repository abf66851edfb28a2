// Words for the demo rows: change titles, incident titles and summaries, review texts,
// action items and timeline notes. Built from templates so that 1M rows stay cheap.
import type { DemoCapability, DemoInvolvement, DemoService } from "./demo-catalog";
import type { Rng } from "./demo-random";

export type DemoChangeKind = "DEPLOY" | "PULL_REQUEST" | "CONFIG" | "FEATURE_FLAG" | "INFRA";

const PR_VERBS = [
  "Fix",
  "Refactor",
  "Improve",
  "Harden",
  "Simplify",
  "Add metrics for",
  "Speed up",
  "Clean up",
  "Add tests for",
];
const GENERIC_PRS = [
  "Bump dependency versions",
  "Add structured logging",
  "Add unit tests for edge cases",
  "Tidy up error responses",
  "Validate input on public endpoints",
  "Retry downstream calls with backoff",
];
const CONFIG_TEMPLATES = [
  (s: string) => `Raise ${s} connection pool to 64`,
  (s: string) => `Lower ${s} request timeout to 2 s`,
  (s: string) => `Update ${s} rate limits`,
  (s: string) => `Change ${s} cache TTL to 300 s`,
  (s: string) => `Adjust ${s} autoscaling thresholds`,
  (s: string) => `Rotate ${s} database credentials`,
];
const INFRA_TEMPLATES = [
  (s: string) => `Resize ${s} node group`,
  (s: string) => `Upgrade ${s} PostgreSQL to 16`,
  (s: string) => `Move ${s} to Graviton instances`,
  (s: string) => `Update ${s} load balancer listeners`,
  (s: string) => `Bump ${s} Kubernetes to 1.31`,
  (s: string) => `Terraform: tighten ${s} security groups`,
];

/** Titles of changes; keeps a running version number per service for deploys. */
export class ChangeTitler {
  private readonly versions = new Map<string, [number, number, number]>();

  constructor(private readonly rng: Rng) {}

  title(kind: DemoChangeKind, service: DemoService): string {
    const rng = this.rng;
    switch (kind) {
      case "DEPLOY": {
        const v = this.versions.get(service.name) ?? [rng.int(1, 4), rng.int(0, 30), 0];
        if (rng.chance(0.25)) {
          v[1] += 1;
          v[2] = 0;
        } else v[2] += 1;
        this.versions.set(service.name, v);
        return `Deploy ${service.name} v${v[0]}.${v[1]}.${v[2]}`;
      }
      case "PULL_REQUEST":
        return rng.chance(0.75) ? `${rng.pick(PR_VERBS)} ${rng.pick(service.subjects)}` : rng.pick(GENERIC_PRS);
      case "CONFIG":
        return rng.pick(CONFIG_TEMPLATES)(service.name);
      case "FEATURE_FLAG": {
        const flag = rng.pick(service.flags);
        const r = rng.next();
        return r < 0.55
          ? `Ramp ${flag} to ${rng.pick([5, 10, 25, 50, 100])}%`
          : r < 0.85
            ? `Enable ${flag} in ${rng.pick(["EU", "US", "APAC"])}`
            : `Disable ${flag}`;
      }
      case "INFRA":
        return rng.pick(INFRA_TEMPLATES)(service.name);
    }
  }
}

export const INVOLVEMENT_LABEL: Record<DemoInvolvement, string> = {
  SUGGESTED: "suggested",
  CO_AUTHORED: "co-authored",
  AGENT_AUTHORED: "agent-authored",
};

const SYMPTOMS: Record<DemoCapability, readonly string[]> = {
  checkout: [
    "Checkout returns 502 for {region} customers",
    "Orders stuck in payment-pending",
    "Checkout latency above 5 s",
    "Place-order button spins forever",
  ],
  "sign-in": [
    "Sign-in fails with 'session expired'",
    "Password reset emails delayed",
    "Passkey sign-in errors on iOS",
    "Customers logged out every few minutes",
  ],
  account: ["Account page shows blank addresses", "Profile updates not saved", "Account page times out in {region}"],
  pricing: [
    "Stale prices shown on product pages",
    "Prices missing for part of the catalog",
    "Discounts not applied at checkout",
    "Wrong currency shown in {region}",
  ],
  search: [
    "Search returns no results for common queries",
    "Elevated search latency in {region}",
    "Search results missing new products",
  ],
  cart: ["Items disappear from cart", "Add to cart returns 500", "Cart totals do not match line items"],
  recommendations: ["Recommendations widget empty", "Irrelevant recommendations after model rollout"],
  "order history": ["Order history times out", "Recent orders missing from order history"],
};
const INTERNAL_SYMPTOMS = [
  "{service} error rate above SLO",
  "{service} pods crash-looping",
  "{service} latency p99 above 3 s",
  "{service} queue backlog growing",
  "{service} out of database connections",
];

export function incidentTitle(
  rng: Rng,
  service: DemoService,
  capability: DemoCapability | null,
  region: string,
): string {
  const template = capability && rng.chance(0.8) ? rng.pick(SYMPTOMS[capability]) : rng.pick(INTERNAL_SYMPTOMS);
  return template.replace("{region}", region).replace("{service}", service.name);
}

export type IncidentStory = {
  services: string[];
  capabilities: string[];
  regions: string[];
  customerImpactPct: number | null;
  failedTransactions: number | null;
  minutes: number | null;
  cause: {
    id: number;
    kind: DemoChangeKind;
    service: string;
    tool: string | null;
    involvement: DemoInvolvement | null;
  } | null;
};

const list = (items: string[]) =>
  items.length <= 1 ? items.join("") : `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;

export function incidentSummary(story: IncidentStory): string {
  const where = `${list(story.services)} in ${list(story.regions)}`;
  const impact =
    story.customerImpactPct !== null
      ? `about ${story.customerImpactPct}% of customers or requests affected`
      : "customer impact still being assessed";
  const what = story.capabilities.length ? ` ${list(story.capabilities)} degraded,` : "";
  const cause = story.cause
    ? ` Suspected cause: ${story.cause.kind.toLowerCase().replace("_", " ")} #${story.cause.id} on ${story.cause.service}.`
    : "";
  return `Errors on ${where};${what} ${impact}.${cause}`;
}

const ROOT_CAUSES = [
  "introduced an unbounded retry loop that overwhelmed the database",
  "removed a null check on a rarely populated field",
  "halved the connection pool under peak load",
  "changed a cache key so every request missed the cache",
  "shipped a schema change that old clients could not read",
  "flipped a default so a disabled code path ran for everyone",
];
const AI_DETAIL = [
  "The generated code looked plausible, passed review and the unit tests, but mishandled an edge case the tests did not cover.",
  "The agent rewrote more of the module than the task needed; reviewers checked the diff summary rather than the diff.",
  "The suggested fix was accepted without a test reproducing the original bug.",
];
const WHY_CHAINS = [
  [
    "Customers could not complete the action.",
    "The service returned errors for most requests.",
    "A new code path failed on real traffic.",
    "The path was not exercised by tests or canary.",
    "The rollout went to all regions at once.",
  ],
  [
    "Requests timed out.",
    "The service ran out of database connections.",
    "A change increased connections per request.",
    "Load tests do not cover this path.",
    "Nobody owns the load-test suite.",
  ],
  [
    "Prices were wrong.",
    "The cache served stale entries.",
    "Invalidation events were dropped.",
    "The consumer crashed on a new message shape.",
    "Schema changes are not checked for compatibility.",
  ],
];
const LESSONS = [
  "Stage every customer-critical deploy through a canary region.",
  "AI-generated changes need the same tests as hand-written ones, and a senior reviewer who reads the diff.",
  "Alert on customer-facing error rates, not only on host metrics.",
  "Keep the rollback runbook next to the service, and rehearse it.",
];

export function reviewTexts(rng: Rng, story: IncidentStory, complete: boolean) {
  const whatHappened = incidentSummary(story);
  const customerImpact =
    `${story.customerImpactPct ?? "an unknown share of"}% of customers or requests affected` +
    (story.minutes !== null ? ` for ${Math.round(story.minutes)} minutes` : "") +
    (story.failedTransactions !== null
      ? `; ${story.failedTransactions.toLocaleString("en-US")} failed orders or transactions.`
      : ".");
  let rootCause = story.cause
    ? `Change #${story.cause.id} (${story.cause.kind.toLowerCase().replace("_", " ")} on ${story.cause.service}) ${rng.pick(ROOT_CAUSES)}.`
    : `A dependency of ${story.services[0]} degraded and the service had no fallback.`;
  if (story.cause?.tool)
    rootCause += ` It was ${INVOLVEMENT_LABEL[story.cause.involvement!]} with ${story.cause.tool}. ${rng.pick(AI_DETAIL)}`;
  const fiveWhys = rng.pick(WHY_CHAINS).slice(0, complete ? 5 : rng.int(2, 4));
  const lessons = complete ? rng.sample(LESSONS, 2).join(" ") : "";
  return { whatHappened, customerImpact, rootCause, fiveWhys, lessons };
}

const ACTIONS = [
  (s: string) => `Add an integration test for the failure path in ${s}`,
  (s: string) => `Add a canary stage to the ${s} pipeline`,
  (s: string) => `Alert on ${s} error-budget burn rate`,
  (s: string) => `Write the rollback runbook for ${s}`,
  (s: string) => `Load-test ${s} at twice the peak`,
  (s: string) => `Add a circuit breaker in front of ${s}`,
];
const AI_ACTION = (s: string) => `Require a senior review of the full diff for agent-authored changes to ${s}`;

export function actionItemTitles(rng: Rng, service: string, count: number, aiLinked: boolean): string[] {
  const titles = rng.sample(ACTIONS, count).map((make) => make(service));
  if (aiLinked && rng.chance(0.7)) titles[0] = AI_ACTION(service);
  return titles;
}

export function mitigationNote(rng: Rng, rolledBack: number | null, region: string): string {
  if (rolledBack !== null) return `Mitigation: rolled back change #${rolledBack}; error rate recovering.`;
  return rng.pick([
    `Mitigation: shifted traffic away from ${region}.`,
    "Mitigation: scaled out and restarted the affected pods.",
    "Mitigation: disabled the feature flag.",
  ]);
}
