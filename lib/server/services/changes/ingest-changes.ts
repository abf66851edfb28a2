import "server-only";
import { initialApprovalState, isApprovalRequired, type Level } from "@/lib/domain/approval-policy";
import type { Prisma } from "@/lib/generated/prisma/client";
import { auditActorOf, type Actor } from "@/lib/server/auth/actor";
import { getDb } from "@/lib/server/db";
import { assertCan } from "@/lib/server/permissions";
import { currentActorLabel } from "@/lib/server/services/audit/audit-context";
import { notifyApprovers } from "@/lib/server/services/notifications/notify";
import { hasOutboundSubscribers } from "@/lib/server/services/webhooks/enqueue-event";
import { queuePolicyViolationIfShipped } from "@/lib/server/services/webhooks/queue-domain-events";
import { keyOf, type ExternalChangeInput } from "./ingest-input";
import { prepareIngest } from "./ingest-references";
import { readIngested, upsertChanges, type IngestedChange, type PlannedChange } from "./ingest-upsert";
import { reevaluateUpdated } from "./reevaluate-ingested";

export type { ExternalChangeInput } from "./ingest-input";
export type { IngestedChange } from "./ingest-upsert";

export type IngestOutcome = {
  id: number;
  source: string;
  externalId: string;
  outcome: "created" | "updated" | "unchanged";
  /** The change as written, with what the API's answer shows. */
  change: IngestedChange;
};

export type IngestChangesInput = {
  changes: ExternalChangeInput[];
  /** Prefix of the field errors of item `index`: "changes.3." by default, "" for a single change. */
  pathOf?: (index: number) => string;
};

const defaultPath = (index: number) => `changes.${index}.`;

/**
 * Creates or updates changes identified by (source, externalId) in the caller's transaction:
 *   1. authorise (the actor may register changes);
 *   2. one statement resolves every reference and the policy in force and locks the stored rows;
 *   3. decide each new change's approval requirement (author's level now, policy in force);
 *   4. one INSERT … ON CONFLICT writes rows, audit and approval requests and returns the answer;
 *   5. follow-ups only when they apply: re-decide updated approvals, commit statuses of pull
 *      requests, notices to approvers, policy-violation events.
 * Concurrent posts of the same change end with one row; a retried batch creates nothing twice
 * (identical rows are "unchanged" and leave no audit entry). Answers one outcome per input, in order.
 */
export async function ingestChangesInTx(
  tx: Prisma.TransactionClient,
  actor: Actor,
  { changes: inputs, pathOf = defaultPath }: IngestChangesInput,
): Promise<IngestOutcome[]> {
  if (inputs.length === 0) return [];
  assertCan(actor, "change:register");
  // Last one wins within a call; the statement may touch each row only once. Sorting by key
  // makes concurrent batches lock rows in the same order (no deadlocks).
  const byKey = new Map<string, number>();
  inputs.forEach((input, index) => byKey.set(keyOf(input), index));
  const uniqueIndexes = [...byKey.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, i]) => i);
  const unique = uniqueIndexes.map((index) => inputs[index]);

  const prepared = await prepareIngest(tx, inputs, unique, pathOf);
  const { policy } = prepared;
  const planned: PlannedChange[] = uniqueIndexes.map((index) => {
    const input = inputs[index];
    const author = prepared.authors[index];
    const subject = {
      aiAssisted: input.aiAssisted ?? false,
      authorLevel: author?.level ?? null,
      aiInvolvement: input.aiInvolvement ?? null,
    };
    return {
      input,
      serviceId: prepared.serviceIds[index],
      authorId: author?.id ?? null,
      authorLevel: author?.level ?? null,
      aiToolId: prepared.toolIds[index],
      approvalRequired: isApprovalRequired(subject, policy),
      approvalState: initialApprovalState(subject, policy),
    };
  });
  const audit = auditActorOf(actor);
  const actorLabel = audit.actorLabel ?? currentActorLabel() ?? null;
  const rows = await upsertChanges(tx, planned, { policyId: policy.id, actorId: audit.actorId, actorLabel });
  const seen = new Set(rows.map(keyOf));
  const missing = unique.filter((input) => !seen.has(keyOf(input)));
  if (missing.length > 0) rows.push(...(await readIngested(tx, missing)));
  await reevaluateUpdated(tx, rows, prepared.before, policy, { userId: audit.actorId, label: actorLabel ?? undefined });
  await notifyNewRequests(tx, rows, policy.approverLevels, actorLabel ?? "an integration");
  await queueViolations(tx, rows);

  const byChange = new Map(rows.map((row) => [keyOf(row), row]));
  return inputs.map((input) => {
    const row = byChange.get(keyOf(input))!;
    const outcome = row.inserted ? "created" : row.written ? "updated" : "unchanged";
    return { id: row.id, source: row.source, externalId: row.externalId, outcome, change: row };
  });
}

/** ingestChangesInTx in a transaction of its own. */
export async function ingestChanges(
  actor: Actor,
  inputs: ExternalChangeInput[],
  options: Omit<IngestChangesInput, "changes"> = {},
): Promise<IngestOutcome[]> {
  if (inputs.length === 0) return [];
  // Under a burst (50 CI clients, 10 pooled connections) a request may queue for a connection
  // longer than Prisma's default 2 s: wait up to 10 s before answering 503.
  return getDb().$transaction((tx) => ingestChangesInTx(tx, actor, { changes: inputs, ...options }), {
    maxWait: 10_000,
    timeout: 20_000,
  });
}

/** Approvers hear of new changes waiting for them; one notice per change would flood them during a bulk import: a batch gets one. */
async function notifyNewRequests(
  tx: Prisma.TransactionClient,
  rows: IngestedChange[],
  approverLevels: Level[],
  actorLabel: string,
): Promise<void> {
  const waiting = rows.filter((row) => row.inserted && row.approvalRequired);
  if (waiting.length === 0) return;
  const single = waiting.length === 1 ? waiting[0] : null;
  await notifyApprovers(tx, {
    approverLevels,
    exceptUserId: single?.authorId ?? null,
    notice: single
      ? { kind: "approval.requested", title: `Approval needed: ${single.title}`, href: `/changes/${single.id}` }
      : {
          kind: "approval.requested",
          title: `${waiting.length} changes from ${actorLabel} need approval`,
          href: "/approvals",
        },
    // Announced outside the app only while approval can still come first; a change that arrived
    // shipped is announced as a policy violation instead.
    changeIds: waiting.filter((change) => change.shippedAt === null).map((change) => change.id),
    source: actorLabel,
  });
}

/** Same event, id and payload as a change registered by hand (the id makes it once per change). */
async function queueViolations(tx: Prisma.TransactionClient, rows: IngestedChange[]): Promise<void> {
  const violations = rows.filter(
    (row) =>
      row.written &&
      row.shippedAt !== null &&
      (row.inserted || row.previousShippedAt === null) &&
      row.compliance === "VIOLATION",
  );
  if (violations.length === 0 || !(await hasOutboundSubscribers(tx, "change.policy_violation_shipped"))) return;
  for (const row of violations) await queuePolicyViolationIfShipped(tx, row.id);
}
