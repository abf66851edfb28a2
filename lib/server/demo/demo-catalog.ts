// The fixed names of the demo organisation: teams, services, managed lists, AI tools and
// the demo sign-ins. Pure data; generate-demo-data.ts turns it into rows.

export const DEMO_PASSWORD = "faultline-demo";

export type DemoLevel = "JUNIOR" | "MID" | "SENIOR";
export type DemoRole = "ENGINEER" | "MANAGER" | "ADMIN";
export type DemoTier = "CUSTOMER_CRITICAL" | "CUSTOMER_FACING" | "INTERNAL_CRITICAL" | "INTERNAL";

export const DEMO_TEAMS = ["Storefront", "Payments", "Identity", "Catalog & Search", "Platform", "Data"] as const;
export type DemoTeamName = (typeof DEMO_TEAMS)[number];

export const DEMO_CAPABILITIES = [
  "checkout",
  "sign-in",
  "account",
  "pricing",
  "search",
  "cart",
  "recommendations",
  "order history",
] as const;
export type DemoCapability = (typeof DEMO_CAPABILITIES)[number];

/** Capabilities whose failures are counted as failed orders or transactions. */
export const TRANSACTIONAL_CAPABILITIES: readonly DemoCapability[] = ["checkout", "cart", "order history"];

export type DemoService = {
  name: string;
  team: DemoTeamName;
  tier: DemoTier;
  /** Customer-facing capabilities it serves ("*" = all of them, e.g. the API gateway). */
  capabilities: readonly DemoCapability[] | "*";
  /** Relative share of all changes. */
  changeWeight: number;
  /** Relative chance of being the first affected service of an incident. */
  incidentWeight: number;
  /** Services that tend to fail together with it. */
  neighbours: readonly string[];
  /** What pull requests to this service are about. */
  subjects: readonly string[];
  /** Feature flags it owns. */
  flags: readonly string[];
};

export const DEMO_SERVICES: readonly DemoService[] = [
  {
    name: "checkout-api",
    team: "Storefront",
    tier: "CUSTOMER_CRITICAL",
    capabilities: ["checkout"],
    changeWeight: 10,
    incidentWeight: 12,
    neighbours: ["payments-gateway", "cart-service", "pricing-service"],
    subjects: ["order submission retries", "address validation", "checkout session handling", "tax calculation call"],
    flags: ["new-checkout-flow", "one-click-checkout"],
  },
  {
    name: "cart-service",
    team: "Storefront",
    tier: "CUSTOMER_CRITICAL",
    capabilities: ["cart", "checkout"],
    changeWeight: 7,
    incidentWeight: 8,
    neighbours: ["checkout-api", "pricing-service", "inventory-service"],
    subjects: ["cart merge on sign-in", "cart persistence", "quantity limits", "saved-for-later items"],
    flags: ["cart-persistence-v2", "saved-for-later"],
  },
  {
    name: "storefront-web",
    team: "Storefront",
    tier: "CUSTOMER_FACING",
    capabilities: ["search", "recommendations", "cart"],
    changeWeight: 9,
    incidentWeight: 7,
    neighbours: ["search-api", "recommendations-service", "api-gateway"],
    subjects: ["product page rendering", "image lazy loading", "header navigation", "client-side caching"],
    flags: ["new-product-page", "sticky-cart-button"],
  },
  {
    name: "payments-gateway",
    team: "Payments",
    tier: "CUSTOMER_CRITICAL",
    capabilities: ["checkout"],
    changeWeight: 6,
    incidentWeight: 9,
    neighbours: ["checkout-api", "fraud-scoring", "order-service"],
    subjects: ["card tokenisation", "3-D Secure callback", "payment provider failover", "refund idempotency"],
    flags: ["provider-failover", "wallet-payments"],
  },
  {
    name: "fraud-scoring",
    team: "Payments",
    tier: "INTERNAL_CRITICAL",
    capabilities: ["checkout"],
    changeWeight: 4,
    incidentWeight: 4,
    neighbours: ["payments-gateway", "event-stream"],
    subjects: ["risk model thresholds", "velocity rules", "score caching"],
    flags: ["risk-model-2026"],
  },
  {
    name: "order-service",
    team: "Payments",
    tier: "CUSTOMER_CRITICAL",
    capabilities: ["order history", "checkout"],
    changeWeight: 6,
    incidentWeight: 6,
    neighbours: ["payments-gateway", "account-service", "event-stream"],
    subjects: ["order state machine", "order history pagination", "shipment events"],
    flags: ["order-history-pagination"],
  },
  {
    name: "auth-service",
    team: "Identity",
    tier: "CUSTOMER_CRITICAL",
    capabilities: ["sign-in"],
    changeWeight: 6,
    incidentWeight: 8,
    neighbours: ["account-service", "api-gateway"],
    subjects: [
      "session token refresh",
      "password reset flow",
      "passkey registration",
      "rate limiting of sign-in attempts",
    ],
    flags: ["passkey-sign-in", "session-v2"],
  },
  {
    name: "account-service",
    team: "Identity",
    tier: "CUSTOMER_FACING",
    capabilities: ["account", "order history"],
    changeWeight: 5,
    incidentWeight: 5,
    neighbours: ["auth-service", "order-service"],
    subjects: ["address book", "profile updates", "email preferences"],
    flags: ["new-account-page"],
  },
  {
    name: "pricing-service",
    team: "Catalog & Search",
    tier: "CUSTOMER_CRITICAL",
    capabilities: ["pricing", "checkout"],
    changeWeight: 7,
    incidentWeight: 8,
    neighbours: ["checkout-api", "cart-service", "inventory-service"],
    subjects: ["price cache invalidation", "promotion rules", "currency conversion", "bulk price import"],
    flags: ["dynamic-pricing-v2", "promo-engine-v3"],
  },
  {
    name: "search-api",
    team: "Catalog & Search",
    tier: "CUSTOMER_FACING",
    capabilities: ["search"],
    changeWeight: 7,
    incidentWeight: 6,
    neighbours: ["storefront-web", "inventory-service"],
    subjects: ["query parsing", "ranking signals", "index refresh", "typo tolerance"],
    flags: ["semantic-search", "search-autocomplete-v2"],
  },
  {
    name: "recommendations-service",
    team: "Catalog & Search",
    tier: "CUSTOMER_FACING",
    capabilities: ["recommendations"],
    changeWeight: 4,
    incidentWeight: 3,
    neighbours: ["storefront-web", "metrics-pipeline"],
    subjects: ["model feature loading", "fallback recommendations", "candidate generation"],
    flags: ["recs-model-2026"],
  },
  {
    name: "inventory-service",
    team: "Catalog & Search",
    tier: "INTERNAL_CRITICAL",
    capabilities: ["cart", "checkout"],
    changeWeight: 4,
    incidentWeight: 4,
    neighbours: ["cart-service", "pricing-service", "event-stream"],
    subjects: ["stock reservation", "warehouse sync", "availability cache"],
    flags: ["reservation-v2"],
  },
  {
    name: "api-gateway",
    team: "Platform",
    tier: "CUSTOMER_CRITICAL",
    capabilities: "*",
    changeWeight: 4,
    incidentWeight: 5,
    neighbours: ["auth-service", "checkout-api", "storefront-web"],
    subjects: ["routing rules", "TLS termination", "request timeouts", "header propagation"],
    flags: ["gateway-http3"],
  },
  {
    name: "feature-flags",
    team: "Platform",
    tier: "INTERNAL_CRITICAL",
    capabilities: [],
    changeWeight: 3,
    incidentWeight: 2,
    neighbours: ["api-gateway", "storefront-web"],
    subjects: ["flag evaluation cache", "targeting rules", "SDK polling interval"],
    flags: ["flag-streaming"],
  },
  {
    name: "build-infra",
    team: "Platform",
    tier: "INTERNAL",
    capabilities: [],
    changeWeight: 4,
    incidentWeight: 3,
    neighbours: ["feature-flags"],
    subjects: ["CI runner images", "build cache", "deploy pipeline stages"],
    flags: ["parallel-builds"],
  },
  {
    name: "metrics-pipeline",
    team: "Data",
    tier: "INTERNAL",
    capabilities: [],
    changeWeight: 4,
    incidentWeight: 3,
    neighbours: ["event-stream"],
    subjects: ["metric aggregation", "retention policy", "ingestion batching"],
    flags: ["metrics-v2-ingest"],
  },
  {
    name: "event-stream",
    team: "Data",
    tier: "INTERNAL_CRITICAL",
    capabilities: [],
    changeWeight: 4,
    incidentWeight: 4,
    neighbours: ["metrics-pipeline", "order-service", "fraud-scoring"],
    subjects: ["consumer rebalancing", "topic partitioning", "schema registry"],
    flags: ["compacted-topics"],
  },
];

export const DEMO_REGIONS = [
  { code: "us-east-1", name: "US East (N. Virginia)", weight: 10 },
  { code: "us-west-2", name: "US West (Oregon)", weight: 5 },
  { code: "eu-west-1", name: "Europe (Ireland)", weight: 6 },
  { code: "eu-central-1", name: "Europe (Frankfurt)", weight: 4 },
  { code: "ap-southeast-1", name: "Asia Pacific (Singapore)", weight: 3 },
  { code: "ap-northeast-1", name: "Asia Pacific (Tokyo)", weight: 3 },
] as const;

export const GEN_AI_FACTOR = "Novel Gen-AI usage without established safeguards";
export const DEMO_FACTORS = [
  GEN_AI_FACTOR,
  "Insufficient test coverage",
  "Missing canary / staged rollout",
  "Config change without review",
  "Alerting gap",
  "Capacity planning",
  "Dependency failure",
  "Runbook missing or outdated",
] as const;
export type DemoFactor = (typeof DEMO_FACTORS)[number];

export type DemoInvolvement = "SUGGESTED" | "CO_AUTHORED" | "AGENT_AUTHORED";
export const INVOLVEMENTS: readonly DemoInvolvement[] = ["SUGGESTED", "CO_AUTHORED", "AGENT_AUTHORED"];

export type DemoAiTool = {
  name: string;
  aliases: readonly string[];
  /** Adoption weight in the first and in the last week; linear in between. */
  adoption: readonly [number, number];
  /** How much the tool does, as weights of SUGGESTED / CO_AUTHORED / AGENT_AUTHORED. */
  involvement: readonly [number, number, number];
};

export const DEMO_AI_TOOLS: readonly DemoAiTool[] = [
  {
    name: "GitHub Copilot",
    aliases: ["copilot", "gh-copilot", "github-copilot"],
    adoption: [45, 22],
    involvement: [65, 30, 5],
  },
  {
    name: "Amazon Q Developer",
    aliases: ["q", "amazon-q", "amazon-q-developer", "q-developer"],
    adoption: [20, 18],
    involvement: [40, 40, 20],
  },
  { name: "Cursor", aliases: ["cursor", "cursor-agent"], adoption: [20, 18], involvement: [30, 50, 20] },
  { name: "Claude Code", aliases: ["claude", "claude-code"], adoption: [10, 21], involvement: [15, 40, 45] },
  { name: "Kiro", aliases: ["kiro", "kiro-agent", "kiro-ide"], adoption: [5, 21], involvement: [15, 35, 50] },
];

export type DemoAccountSpec = {
  email: string;
  name: string;
  role: DemoRole;
  level: DemoLevel;
  team: DemoTeamName;
  githubLogin: string | null;
};

/** The fixed sign-ins, one per role and level; README.md and e2e/support/auth.ts list them. */
export const DEMO_ACCOUNT_SPECS: readonly DemoAccountSpec[] = [
  {
    email: "admin@faultline.dev",
    name: "Alex Admin",
    role: "ADMIN",
    level: "SENIOR",
    team: "Platform",
    githubLogin: null,
  },
  {
    email: "manager@faultline.dev",
    name: "Morgan Manager",
    role: "MANAGER",
    level: "SENIOR",
    team: "Storefront",
    githubLogin: null,
  },
  {
    email: "senior@faultline.dev",
    name: "Sam Senior",
    role: "ENGINEER",
    level: "SENIOR",
    team: "Storefront",
    githubLogin: "sam-senior",
  },
  {
    email: "mid@faultline.dev",
    name: "Mia Mid",
    role: "ENGINEER",
    level: "MID",
    team: "Storefront",
    githubLogin: "mia-mid",
  },
  {
    email: "junior@faultline.dev",
    name: "Jules Junior",
    role: "ENGINEER",
    level: "JUNIOR",
    team: "Storefront",
    githubLogin: "jules-junior",
  },
];

/** Levels and roles of the other generated people (names come from faker). */
const LEADS: Record<number, DemoRole> = { 0: "MANAGER", 3: "MANAGER", 12: "MANAGER", 10: "ADMIN" };
export const OTHER_PEOPLE: ReadonlyArray<{ level: DemoLevel; role: DemoRole }> = [
  ...Array.from({ length: 12 }, () => "SENIOR" as const),
  ...Array.from({ length: 14 }, () => "MID" as const),
  ...Array.from({ length: 9 }, () => "JUNIOR" as const),
].map((level, index) => ({ level, role: LEADS[index] ?? "ENGINEER" }));

export function slugify(text: string): string {
  return text
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}
