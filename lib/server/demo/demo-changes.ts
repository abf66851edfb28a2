// Generates the demo changes (and their approval decisions) in chronological order and
// inserts them in chunks, one `INSERT … SELECT FROM unnest(…)` per table and chunk.
// Keeps only a compact typed-array index of what incidents need to link to them.
import { isApprovalRequired } from "@/lib/domain/approval-policy";
import type { Db } from "@/lib/server/db/connection";
import { insertChangeChunk, newChangeChunk, pushDecision } from "./demo-change-rows";
import { DEMO_ACCOUNT_SPECS, DEMO_AI_TOOLS, INVOLVEMENTS, type DemoInvolvement, type DemoLevel } from "./demo-catalog";
import type { DemoOrg, DemoPerson } from "./demo-organisation";
import { HOUR, MINUTE, Rng, spreadOverDays, timesInDay, WeightedPicker } from "./demo-random";
import { ChangeTitler, INVOLVEMENT_LABEL, type DemoChangeKind } from "./demo-text";

export const CHANGE_KINDS: readonly DemoChangeKind[] = ["DEPLOY", "PULL_REQUEST", "CONFIG", "FEATURE_FLAG", "INFRA"];
const KIND_WEIGHTS = [33, 40, 10, 10, 7];
const INFRA_HEAVY_KIND_WEIGHTS = [30, 35, 10, 8, 17];
const KIND_RISK = [1.0, 0.8, 1.4, 1.1, 1.6];
const KIND_AI = [1.0, 1.15, 0.6, 0.4, 0.9];
const LEVEL_RISK: Record<DemoLevel, number> = { JUNIOR: 1.3, MID: 1.1, SENIOR: 0.9 };
const LEVEL_AI: Record<DemoLevel, number> = { JUNIOR: 1.2, MID: 1.05, SENIOR: 0.8 };
/** How much riskier a change is by AI involvement: none, suggested, co-authored, agent-authored. */
const AI_RISK = [1, 1.4, 2.0, 3.2];
const VIOLATION_RISK = 1.8;
const APPROVE_COMMENTS = [
  "LGTM",
  "Read the generated diff; the tests cover the new branch.",
  "Approved; keep an eye on the canary.",
  "Fine, but please add a metric next time.",
];
const REJECT_COMMENTS = [
  "Needs a test for the failure path first.",
  "The agent changed more than the ticket asks; please split it.",
  "Put this behind a feature flag, then ask again.",
];

/** What incidents need to know about every change, indexed by id - 1. */
export type ChangeIndex = {
  count: number;
  /** ms since epoch; NaN when not shipped. */
  shippedAt: Float64Array;
  /** ms since epoch; NaN when not rolled back. */
  rolledBackAt: Float64Array;
  risk: Float32Array;
  service: Uint8Array;
  kind: Uint8Array;
  /** 0 = not AI-assisted, else 1 + index into INVOLVEMENTS. */
  involvement: Uint8Array;
  /** Index into DEMO_AI_TOOLS, 255 when none. */
  tool: Uint8Array;
  /** Change indexes of all shipped changes, in shipping order. */
  shipped: Int32Array;
  /** The same per service. */
  byService: Int32Array[];
};

export type ChangeGenerationOptions = {
  rng: Rng;
  count: number;
  start: number;
  end: number;
  chunkSize: number;
  log: (line: string) => void;
  expectedTriggerLinks: number;
};

export async function generateChanges(db: Db, org: DemoOrg, options: ChangeGenerationOptions) {
  const { rng, count, start, end } = options;
  const services = org.services;
  const index: ChangeIndex = {
    count,
    shippedAt: new Float64Array(count).fill(NaN),
    rolledBackAt: new Float64Array(count).fill(NaN),
    risk: new Float32Array(count),
    service: new Uint8Array(count),
    kind: new Uint8Array(count),
    involvement: new Uint8Array(count),
    tool: new Uint8Array(count).fill(255),
    shipped: new Int32Array(0),
    byService: [],
  };

  const servicePicker = new WeightedPicker(
    services.map((_, i) => i),
    services.map((s) => s.changeWeight),
  );
  // The demo sign-ins author more, so that their pages (and the approvals queue) have something to show.
  const demoIds = new Set(org.people.slice(0, DEMO_ACCOUNT_SPECS.length).map((p) => p.id));
  const authorWeight = (p: DemoPerson) =>
    (p.role === "MANAGER" ? 0.15 : p.role === "ADMIN" ? 0.3 : 1) *
    (demoIds.has(p.id) ? (p.level === "SENIOR" ? 1.5 : 2.5) : 1);
  const everyone = new WeightedPicker(org.people, org.people.map(authorWeight));
  const teamAuthors = org.teamIds.map((_, team) => {
    const members = org.people.filter((p) => p.teamIndex === team);
    return new WeightedPicker(members, members.map(authorWeight));
  });
  const seniors = org.people.filter((p) => org.policy.rules.approverLevels.includes(p.level));
  const toolIndexes = DEMO_AI_TOOLS.map((_, i) => i);
  const titler = new ChangeTitler(rng);
  // Rollbacks: ~3% of changes in all, counting the triggers rolled back during incidents
  // (generate-demo-data.ts aims those at 1.5% of changes); 1.5 ≈ the mean risk.
  const triggerRollbacks = Math.min(0.5 * options.expectedTriggerLinks, 0.015 * count) / Math.max(1, count);
  const baseRollback = Math.max(0.004, 0.03 - triggerRollbacks) / 1.5;
  const decisions = { next: 1, total: 0 };
  // The newest required changes wait for approval: the last 36 hours, longer for small data sets.
  const pendingWindow = Math.max(36 * HOUR, (17 * (end - start)) / Math.max(1, count));

  let chunk = newChangeChunk();
  let id = 0;
  const flush = async () => {
    if (chunk.id.length === 0) return;
    await insertChangeChunk(db, chunk, org.policy.id);
    decisions.total += chunk.decision.id.length;
    chunk = newChangeChunk();
    if (count >= 50_000 && id % 50_000 === 0)
      options.log(`changes: ${id.toLocaleString("en-US")} of ${count.toLocaleString("en-US")}`);
  };

  // Changes ship mostly on weekdays and in working hours (UTC); volume grows a little.
  const days = spreadOverDays(
    count,
    start + HOUR,
    end,
    (f, weekday) => (0.85 + 0.3 * f) * (weekday === 0 || weekday === 6 ? 0.25 : 1),
  );
  const workingHours = (h: number) => (h >= 7 && h < 19 ? 1 : h >= 5 && h < 22 ? 0.35 : 0.08);
  for (const day of days) {
    for (const t of timesInDay(rng, day, workingHours)) {
      id += 1;
      const i = id - 1;
      const f = (t - start) / (end - start);
      const s = servicePicker.pick(rng);
      const service = services[s];
      const kindIndex = rng.weighted(
        service.team === "Platform" || service.team === "Data" ? INFRA_HEAVY_KIND_WEIGHTS : KIND_WEIGHTS,
      );
      const kind = CHANGE_KINDS[kindIndex];
      const automated = (kind === "CONFIG" || kind === "FEATURE_FLAG") && rng.chance(0.08);
      const author = automated
        ? null
        : rng.chance(0.85)
          ? teamAuthors[service.teamIndex].pick(rng)
          : everyone.pick(rng);

      // Gen-AI assistance: ~15% of changes in the first week, ~55% in the last.
      let involvement: DemoInvolvement | null = null;
      let tool = -1;
      if (author && rng.chance((0.16 + 0.46 * f) * LEVEL_AI[author.level] * KIND_AI[kindIndex])) {
        tool = rng.weighted(
          toolIndexes.map(
            (k) => DEMO_AI_TOOLS[k].adoption[0] + (DEMO_AI_TOOLS[k].adoption[1] - DEMO_AI_TOOLS[k].adoption[0]) * f,
          ),
        );
        const [sug, co, agent] = DEMO_AI_TOOLS[tool].involvement;
        involvement = INVOLVEMENTS[rng.weighted([sug, co, agent * (0.6 + 0.8 * f)])];
      }
      const aiAssisted = involvement !== null;
      const authorLevel = author?.level ?? null;
      const required = isApprovalRequired({ aiAssisted, authorLevel, aiInvolvement: involvement }, org.policy.rules);

      const lead = Math.max(required ? 20 * MINUTE : MINUTE, leadTime(rng, kind));
      const createdAt = Math.max(start, t - Math.round(lead));
      let shippedAt: number | null = t;
      let state = required ? "APPROVED" : "NOT_REQUIRED";
      let decidedAt: number | null = null;
      let approver: DemoPerson | null = null;
      let comment: string | null = null;
      if (required) {
        const violationChance = 0.01 + 0.07 * (1 - f); // compliance improves as the rule beds in
        const r = rng.next();
        const waiting = t > end - pendingWindow && (demoIds.has(author?.id ?? 0) || rng.chance(0.6));
        approver =
          waiting || r < violationChance
            ? null
            : pickApprover(rng, seniors, author, service.teamIndex, org.policy.rules.allowSelfApproval);
        if (waiting) {
          state = "PENDING"; // waiting for a senior: the approvals queue
          shippedAt = null;
        } else if (approver === null) {
          state = "PENDING"; // shipped without asking (or nobody may approve): a violation
        } else {
          state = r < violationChance + 0.05 ? "REJECTED" : "APPROVED";
          decidedAt = createdAt + Math.floor((t - createdAt) * rng.range(0.1, 0.95));
          if (state === "REJECTED") {
            comment = rng.pick(REJECT_COMMENTS);
            if (rng.chance(0.75)) shippedAt = null; // most rejected changes never ship; the rest are violations
          } else if (rng.chance(0.35)) comment = rng.pick(APPROVE_COMMENTS);
        }
      }

      const risk =
        KIND_RISK[kindIndex] *
        (authorLevel ? LEVEL_RISK[authorLevel] : 1) *
        AI_RISK[involvement ? INVOLVEMENTS.indexOf(involvement) + 1 : 0] *
        (required && shippedAt !== null && state !== "APPROVED" ? VIOLATION_RISK : 1);
      let rolledBackAt: number | null = null;
      if (shippedAt !== null && rng.chance(baseRollback * risk)) {
        rolledBackAt = shippedAt + Math.round(rng.logRange(5 * MINUTE, 8 * HOUR));
        if (rolledBackAt > end) rolledBackAt = null;
      }

      index.service[i] = s;
      index.kind[i] = kindIndex;
      index.risk[i] = risk;
      index.involvement[i] = involvement ? INVOLVEMENTS.indexOf(involvement) + 1 : 0;
      if (tool >= 0) index.tool[i] = tool;
      if (shippedAt !== null) index.shippedAt[i] = shippedAt;
      if (rolledBackAt !== null) index.rolledBackAt[i] = rolledBackAt;

      const repository =
        kind === "FEATURE_FLAG"
          ? "acme/feature-flags"
          : kind === "INFRA"
            ? "acme/infrastructure"
            : `acme/${service.slug}`;
      chunk.id.push(id);
      chunk.externalId.push(`demo-${id}`);
      chunk.externalUrl.push(externalUrl(kind, repository, service.slug, id));
      chunk.kind.push(kind);
      chunk.title.push(titler.title(kind, service));
      chunk.description.push(
        tool >= 0 ? `AI-assisted (${INVOLVEMENT_LABEL[involvement!]}) with ${DEMO_AI_TOOLS[tool].name}.` : "",
      );
      chunk.serviceId.push(service.id);
      chunk.repository.push(repository);
      chunk.authorId.push(author?.id ?? null);
      chunk.authorLevel.push(authorLevel);
      chunk.aiAssisted.push(aiAssisted);
      chunk.aiToolId.push(tool >= 0 ? org.aiToolIds[tool] : null);
      chunk.aiInvolvement.push(involvement);
      chunk.aiDetectedBy.push(aiAssisted ? detectedBy(rng) : null);
      chunk.shippedAt.push(shippedAt === null ? null : new Date(shippedAt));
      chunk.rolledBackAt.push(rolledBackAt === null ? null : new Date(rolledBackAt));
      chunk.approvalRequired.push(required);
      chunk.approvalState.push(state);
      chunk.approverId.push(approver?.id ?? null);
      chunk.approvalDecidedAt.push(decidedAt === null ? null : new Date(decidedAt));
      chunk.approvalComment.push(comment);
      chunk.createdAt.push(new Date(createdAt));
      chunk.updatedAt.push(new Date(Math.max(createdAt, decidedAt ?? 0, shippedAt ?? 0, rolledBackAt ?? 0)));

      if (required) {
        const d = chunk.decision;
        if (author) pushDecision(d, decisions.next++, id, author.id, "REQUESTED", "", createdAt);
        if (approver && decidedAt !== null)
          pushDecision(d, decisions.next++, id, approver.id, state, comment ?? "", decidedAt);
      }
      if (chunk.id.length >= options.chunkSize) await flush();
    }
  }
  await flush();

  index.shipped = Int32Array.from(shippedIndexes(index));
  index.byService = buildServiceLists(index, services.length);
  return { index, approvalDecisions: decisions.total };
}

function leadTime(rng: Rng, kind: DemoChangeKind): number {
  switch (kind) {
    case "PULL_REQUEST":
      return rng.logRange(30 * MINUTE, 72 * HOUR);
    case "DEPLOY":
      return rng.logRange(10 * MINUTE, 8 * HOUR);
    case "INFRA":
      return rng.logRange(30 * MINUTE, 48 * HOUR);
    default:
      return rng.logRange(5 * MINUTE, 4 * HOUR);
  }
}

/** A senior of the author's team, mostly; null when the policy leaves nobody to approve. */
function pickApprover(
  rng: Rng,
  seniors: DemoPerson[],
  author: DemoPerson | null,
  teamIndex: number,
  allowSelf: boolean,
): DemoPerson | null {
  const eligible = seniors.filter((p) => allowSelf || p.id !== author?.id);
  const sameTeam = eligible.filter((p) => p.teamIndex === teamIndex);
  return eligible.length === 0 ? null : rng.pick(sameTeam.length > 0 && rng.chance(0.85) ? sameTeam : eligible);
}

function detectedBy(rng: Rng): string | null {
  const r = rng.next();
  return r < 0.45 ? "commit-trailer" : r < 0.7 ? "pr-label" : null;
}

function externalUrl(kind: DemoChangeKind, repository: string, slug: string, id: number): string {
  const sha = ((Math.imul(id, 2654435761) >>> 0).toString(16) + (Math.imul(id, 40503) >>> 0).toString(16)).padStart(
    14,
    "0",
  );
  switch (kind) {
    case "PULL_REQUEST":
      return `https://github.com/${repository}/pull/${1000 + id}`;
    case "DEPLOY":
      return `https://deploy.acme.example/${slug}/releases/${id}`;
    case "FEATURE_FLAG":
      return `https://flags.acme.example/audit/${id}`;
    default:
      return `https://github.com/${repository}/commit/${sha}`;
  }
}

function* shippedIndexes(index: ChangeIndex) {
  for (let i = 0; i < index.count; i++) if (!Number.isNaN(index.shippedAt[i])) yield i;
}

function buildServiceLists(index: ChangeIndex, serviceCount: number): Int32Array[] {
  const sizes = new Int32Array(serviceCount);
  for (let i = 0; i < index.count; i++) if (!Number.isNaN(index.shippedAt[i])) sizes[index.service[i]]++;
  const lists = Array.from(sizes, (size) => new Int32Array(size));
  const filled = new Int32Array(serviceCount);
  // Ids follow shipping time, so each list comes out sorted by shippedAt.
  for (let i = 0; i < index.count; i++)
    if (!Number.isNaN(index.shippedAt[i])) lists[index.service[i]][filled[index.service[i]]++] = i;
  return lists;
}
