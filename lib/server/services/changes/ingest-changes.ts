import "server-only";
import {
  approvalCompliance,
  initialApprovalState,
  isApprovalRequired,
  type ApprovalState,
  type Level,
} from "@/lib/domain/approval-policy";
import type { AiInvolvement, ChangeKind } from "@/lib/domain/change";
import type { Prisma } from "@/lib/generated/prisma/client";
import { getDb } from "@/lib/server/db";
import { AppError, type FieldErrors } from "@/lib/server/errors";
import { notifyApprovers } from "@/lib/server/services/notifications/notify";
import { hasOutboundSubscribers } from "@/lib/server/services/webhooks/enqueue-event";
import { queuePolicyViolationIfShipped } from "@/lib/server/services/webhooks/queue-domain-events";
import { lockExisting, reevaluateUpdated } from "./reevaluate-ingested";

/**
 * A change reported by an integration (CI/CD through the API, GitHub). On update, a field
 * left undefined or null keeps the stored value; kind, title and service are overwritten.
 */
export type ExternalChangeInput = {
  source: string;
  externalId: string;
  kind: ChangeKind;
  title: string;
  serviceId: number;
  description?: string | null;
  externalUrl?: string | null;
  repository?: string | null;
  authorId?: number | null;
  aiAssisted?: boolean | null;
  aiToolId?: number | null;
  aiInvolvement?: AiInvolvement | null;
  /** Which rule marked it AI-assisted, e.g. "label:ai-assisted". */
  aiDetectedBy?: string | null;
  shippedAt?: Date | null;
  rolledBackAt?: Date | null;
  /** Pull requests: number in `repository`, head commit (material: a new one voids an approval), closed unmerged. */
  pullRequestNumber?: number | null;
  headSha?: string | null;
  abandonedAt?: Date | null;
};

/** Who the audit log names: a person (the token's or integration's creator) and through what. */
export type IngestActor = { userId: number | null; label: string };

export type IngestOutcome = {
  id: number;
  source: string;
  externalId: string;
  outcome: "created" | "updated" | "unchanged";
};

type Row = {
  id: number;
  source: string;
  externalId: string;
  title: string;
  written: boolean;
  inserted: boolean;
  authorId: number | null;
  shippedAt: Date | null;
  approvalRequired: boolean;
  approvalState: ApprovalState;
  approvalDecidedAt: Date | null;
  previousShippedAt: Date | null;
};

const keyOf = (input: { source: string; externalId: string }) => `${input.source}\u0000${input.externalId}`;

/**
 * Creates or updates changes identified by (source, externalId), all in one transaction and
 * one INSERT … ON CONFLICT statement: concurrent posts of the same change end with one row,
 * and a retried batch creates nothing twice (identical rows are reported "unchanged" and
 * leave no audit entry). Whether a new change needs approval is decided here, once, from the
 * author's level now and the policy in force — as for changes registered by hand.
 */
export async function ingestChanges(actor: IngestActor, inputs: ExternalChangeInput[]): Promise<IngestOutcome[]> {
  if (inputs.length === 0) return [];
  // Last one wins within a call; the statement may touch each row only once. Sorting by key
  // makes concurrent batches lock rows in the same order (no deadlocks).
  const byKey = new Map<string, ExternalChangeInput>();
  inputs.forEach((input) => byKey.set(keyOf(input), input));
  const unique = [...byKey.values()].sort((a, b) => (keyOf(a) < keyOf(b) ? -1 : keyOf(a) > keyOf(b) ? 1 : 0));

  const rows = await getDb().$transaction(async (tx) => {
    const { levels, policy } = await checkReferences(tx, inputs);
    const before = await lockExisting(tx, unique);

    const approval = unique.map((input) => {
      const authorLevel = input.authorId ? (levels.get(input.authorId) ?? null) : null;
      const subject = {
        aiAssisted: input.aiAssisted ?? false,
        authorLevel,
        aiInvolvement: input.aiInvolvement ?? null,
      };
      return {
        authorLevel,
        required: isApprovalRequired(subject, policy),
        state: initialApprovalState(subject, policy),
      };
    });
    const rows = await upsert(tx, unique, approval, policy.id, actor);
    await addConcurrentlyInserted(tx, unique, rows);
    await reevaluateUpdated(tx, rows, before, actor);
    const written = rows.filter((row) => row.written);
    const created = written.filter((row) => row.inserted);

    const needingApproval = created.filter((row) => row.approvalRequired);
    if (needingApproval.length > 0) {
      const requests = needingApproval.map((row) => ({ changeId: row.id, actorId: row.authorId ?? actor.userId }));
      const withActor = requests.filter(
        (request): request is typeof request & { actorId: number } => request.actorId !== null,
      );
      if (withActor.length > 0) {
        await tx.$executeRawUnsafe(
          `INSERT INTO "ApprovalDecision" ("changeId", "actorId", decision) SELECT c, a, 'REQUESTED' FROM unnest($1::int[], $2::int[]) AS t(c, a)`,
          withActor.map((request) => request.changeId),
          withActor.map((request) => request.actorId),
        );
      }
      // One notice per change would flood approvers during a bulk import: a batch gets one.
      const single = needingApproval.length === 1 ? needingApproval[0] : null;
      await notifyApprovers(tx, {
        approverLevels: policy.approverLevels,
        exceptUserId: single?.authorId ?? null,
        notice: single
          ? { kind: "approval.requested", title: `Approval needed: ${single.title}`, href: `/changes/${single.id}` }
          : {
              kind: "approval.requested",
              title: `${needingApproval.length} changes from ${actor.label} need approval`,
              href: "/approvals",
            },
        changeIds: needingApproval.map((change) => change.id),
        source: actor.label,
      });
    }

    // Same event, id and payload as a change registered by hand (the id makes it once per change).
    const violations = written.filter(
      (row) =>
        row.shippedAt !== null &&
        (row.inserted || row.previousShippedAt === null) &&
        approvalCompliance(row) === "VIOLATION",
    );
    if (violations.length > 0 && (await hasOutboundSubscribers(tx, "change.policy_violation_shipped"))) {
      for (const row of violations) await queuePolicyViolationIfShipped(tx, row.id);
    }
    return rows;
  });

  const outcomes = new Map(
    rows.map((row) => [
      keyOf(row),
      {
        id: row.id,
        source: row.source,
        externalId: row.externalId,
        outcome: row.inserted ? "created" : row.written ? "updated" : "unchanged",
      } as const,
    ]),
  );
  return inputs.map((input) => outcomes.get(keyOf(input))!);
}

/**
 * A row inserted by a concurrent transaction after this statement's snapshot, identical to
 * ours, is neither in `previous` nor returned by the upsert: read it now (read committed).
 */
async function addConcurrentlyInserted(
  tx: Prisma.TransactionClient,
  inputs: ExternalChangeInput[],
  rows: Row[],
): Promise<void> {
  const seen = new Set(rows.map(keyOf));
  const missing = inputs.filter((input) => !seen.has(keyOf(input)));
  if (missing.length === 0) return;
  const found = await tx.change.findMany({
    where: { OR: missing.map((input) => ({ source: input.source, externalId: input.externalId })) },
    select: {
      id: true,
      source: true,
      externalId: true,
      title: true,
      authorId: true,
      shippedAt: true,
      approvalRequired: true,
      approvalState: true,
      approvalDecidedAt: true,
    },
  });
  for (const change of found) {
    rows.push({
      ...change,
      externalId: change.externalId!,
      written: false,
      inserted: false,
      previousShippedAt: change.shippedAt,
    });
  }
}

type PolicyRow = {
  id: number;
  levelsRequiring: Level[];
  approverLevels: Level[];
  allowSelfApproval: boolean;
  exemptInvolvements: AiInvolvement[];
};

/**
 * Every referenced service, author and AI tool must exist and be in use (errors name the
 * input index); read together with the policy in force, in one round trip.
 */
async function checkReferences(
  tx: Prisma.TransactionClient,
  inputs: ExternalChangeInput[],
): Promise<{ levels: Map<number, Level>; policy: PolicyRow }> {
  const ids = (pick: (input: ExternalChangeInput) => number | null | undefined) => [
    ...new Set(inputs.map(pick).filter((id): id is number => typeof id === "number")),
  ];
  const [found] = await tx.$queryRawUnsafe<
    Array<{
      services: number[] | null;
      authors: Array<{ id: number; level: Level }> | null;
      tools: number[] | null;
      policy: PolicyRow | null;
    }>
  >(
    `SELECT (SELECT array_agg(id) FROM "Service" WHERE id = ANY($1::int[]) AND "archivedAt" IS NULL) AS services,
            (SELECT json_agg(json_build_object('id', id, 'level', level)) FROM "User" WHERE id = ANY($2::int[]) AND active) AS authors,
            (SELECT array_agg(id) FROM "AiTool" WHERE id = ANY($3::int[]) AND "archivedAt" IS NULL) AS tools,
            (SELECT json_build_object('id', id, 'levelsRequiring', "levelsRequiring", 'approverLevels', "approverLevels",
                                      'allowSelfApproval', "allowSelfApproval", 'exemptInvolvements', "exemptInvolvements")
             FROM "ApprovalPolicy" ORDER BY id DESC LIMIT 1) AS policy`,
    ids((i) => i.serviceId),
    ids((i) => i.authorId),
    ids((i) => i.aiToolId),
  );
  if (!found.policy) throw new Error("No approval policy row: the migrations insert one; the database is incomplete.");
  const serviceIds = new Set(found.services ?? []);
  const levels = new Map((found.authors ?? []).map((a) => [a.id, a.level]));
  const toolIds = new Set(found.tools ?? []);
  const errors: FieldErrors = {};
  inputs.forEach((input, index) => {
    if (!serviceIds.has(input.serviceId)) errors[`changes.${index}.serviceId`] = ["No active service with this id."];
    if (input.authorId != null && !levels.has(input.authorId))
      errors[`changes.${index}.authorId`] = ["No active user with this id."];
    if (input.aiToolId != null && !toolIds.has(input.aiToolId))
      errors[`changes.${index}.aiToolId`] = ["No AI tool in use with this id."];
  });
  if (Object.keys(errors).length > 0) {
    throw new AppError(
      "VALIDATION",
      `${Object.keys(errors).length} field(s) refer to unknown or archived records; nothing was saved.`,
      { fieldErrors: errors },
    );
  }
  return { levels, policy: found.policy };
}

// On update: a NULL input keeps the stored value. description and aiAssisted are NOT NULL
// columns, so the proposed row cannot carry a NULL for them: their fallback is read in the
// SELECT from the stored row instead (a concurrent writer of the same change could slip in
// between for these two fields only; the row itself stays unique).
const UPDATED: Array<[column: string, expression: string]> = [
  ['"externalUrl"', 'COALESCE(excluded."externalUrl", c."externalUrl")'],
  ["kind", "excluded.kind"],
  ["title", "excluded.title"],
  // excluded.description / excluded."aiAssisted" already fall back to the stored value (see the SELECT).
  ["description", "excluded.description"],
  ['"serviceId"', 'excluded."serviceId"'],
  ["repository", "COALESCE(excluded.repository, c.repository)"],
  ['"authorId"', 'COALESCE(excluded."authorId", c."authorId")'],
  // The level is recorded when the author becomes known (or is corrected), never rewritten by a promotion.
  [
    '"authorLevel"',
    `CASE WHEN excluded."authorId" IS NOT NULL AND excluded."authorId" IS DISTINCT FROM c."authorId" THEN excluded."authorLevel" ELSE c."authorLevel" END`,
  ],
  ['"aiAssisted"', 'excluded."aiAssisted"'],
  ['"aiToolId"', 'COALESCE(excluded."aiToolId", c."aiToolId")'],
  ['"aiInvolvement"', 'COALESCE(excluded."aiInvolvement", c."aiInvolvement")'],
  ['"aiDetectedBy"', 'COALESCE(excluded."aiDetectedBy", c."aiDetectedBy")'],
  ['"shippedAt"', 'COALESCE(excluded."shippedAt", c."shippedAt")'],
  ['"rolledBackAt"', 'COALESCE(excluded."rolledBackAt", c."rolledBackAt")'],
  ['"pullRequestNumber"', 'COALESCE(excluded."pullRequestNumber", c."pullRequestNumber")'],
  ['"headSha"', 'COALESCE(excluded."headSha", c."headSha")'],
  ['"abandonedAt"', 'COALESCE(excluded."abandonedAt", c."abandonedAt")'],
];
const AUDITED = `jsonb_build_object('source', c.source, 'externalId', c."externalId", 'externalUrl', c."externalUrl", 'kind', c.kind, 'title', c.title,
  'description', c.description, 'serviceId', c."serviceId", 'repository', c.repository, 'authorId', c."authorId", 'authorLevel', c."authorLevel",
  'aiAssisted', c."aiAssisted", 'aiToolId', c."aiToolId", 'aiInvolvement', c."aiInvolvement", 'aiDetectedBy', c."aiDetectedBy",
  'shippedAt', c."shippedAt", 'rolledBackAt', c."rolledBackAt", 'approvalRequired', c."approvalRequired", 'approvalState', c."approvalState",
  'pullRequestNumber', c."pullRequestNumber", 'headSha', c."headSha", 'abandonedAt', c."abandonedAt")`;

const UPSERT_SQL = `
WITH input AS (
  SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::int[], $8::text[], $9::int[], $10::text[],
                       $11::boolean[], $12::int[], $13::text[], $14::text[], $15::timestamptz[], $16::timestamptz[], $17::boolean[], $18::text[],
                       $22::int[], $23::text[], $24::timestamptz[])
    AS t(source, external_id, external_url, kind, title, description, service_id, repository, author_id, author_level,
         ai_assisted, ai_tool_id, ai_involvement, ai_detected_by, shipped_at, rolled_back_at, approval_required, approval_state,
         pull_request_number, head_sha, abandoned_at)
),
previous AS (
  SELECT c.id, c."shippedAt", ${AUDITED} AS before
  FROM "Change" c JOIN input i ON c.source = i.source AND c."externalId" = i.external_id
),
written AS (
  INSERT INTO "Change" AS c (source, "externalId", "externalUrl", kind, title, description, "serviceId", repository, "authorId", "authorLevel",
                             "aiAssisted", "aiToolId", "aiInvolvement", "aiDetectedBy", "shippedAt", "rolledBackAt", "approvalRequired", "approvalState", "policyId", "updatedAt",
                             "pullRequestNumber", "headSha", "abandonedAt")
  SELECT i.source, i.external_id, i.external_url, i.kind::"ChangeKind", i.title, COALESCE(i.description, s.description, ''), i.service_id, i.repository,
         i.author_id, i.author_level::"Level", COALESCE(i.ai_assisted, s."aiAssisted", false), i.ai_tool_id, i.ai_involvement::"AiInvolvement", i.ai_detected_by,
         i.shipped_at, i.rolled_back_at, i.approval_required, i.approval_state::"ApprovalState", $19::int, now(),
         i.pull_request_number, i.head_sha, i.abandoned_at
  FROM input i LEFT JOIN "Change" s ON s.source = i.source AND s."externalId" = i.external_id
  ON CONFLICT (source, "externalId") DO UPDATE SET
    ${UPDATED.map(([column, expression]) => `${column} = ${expression}`).join(",\n    ")},
    version = c.version + 1,
    "updatedAt" = now()
  WHERE (${UPDATED.map(([column]) => `c.${column}`).join(", ")}) IS DISTINCT FROM (${UPDATED.map(([, expression]) => expression).join(", ")})
  RETURNING c.id, c.source, c."externalId", c.title, (c.xmax = 0) AS inserted, c."authorId", c."shippedAt", c."approvalRequired",
            c."approvalState"::text AS "approvalState", c."approvalDecidedAt", ${AUDITED} AS after
),
audit AS (
  INSERT INTO "AuditLog" ("actorId", "actorLabel", action, "entityType", "entityId", before, after)
  SELECT $20::int, $21::text, CASE WHEN w.inserted THEN 'change.ingested' ELSE 'change.ingest_updated' END, 'Change', w.id::text,
         CASE WHEN w.inserted THEN NULL ELSE p.before END, w.after
  FROM written w LEFT JOIN previous p ON p.id = w.id
)
SELECT w.id, w.source, w."externalId", w.title, true AS written, w.inserted, w."authorId", w."shippedAt", w."approvalRequired", w."approvalState",
       w."approvalDecidedAt", p."shippedAt" AS "previousShippedAt"
FROM written w LEFT JOIN previous p ON p.id = w.id
UNION ALL
SELECT c.id, c.source, c."externalId", c.title, false, false, c."authorId", c."shippedAt", c."approvalRequired", c."approvalState"::text,
       c."approvalDecidedAt", c."shippedAt"
FROM "Change" c JOIN input i ON c.source = i.source AND c."externalId" = i.external_id
WHERE c.id IN (SELECT id FROM previous) AND c.id NOT IN (SELECT id FROM written)`;

async function upsert(
  tx: Prisma.TransactionClient,
  inputs: ExternalChangeInput[],
  approval: Array<{ authorLevel: Level | null; required: boolean; state: ApprovalState }>,
  policyId: number,
  actor: IngestActor,
): Promise<Row[]> {
  const column = <T>(pick: (input: ExternalChangeInput, index: number) => T) => inputs.map(pick);
  const iso = (date: Date | null | undefined) => (date ? date.toISOString() : null);
  return tx.$queryRawUnsafe<Row[]>(
    UPSERT_SQL,
    column((i) => i.source),
    column((i) => i.externalId),
    column((i) => i.externalUrl ?? null),
    column((i) => i.kind),
    column((i) => i.title),
    column((i) => i.description ?? null),
    column((i) => i.serviceId),
    column((i) => i.repository ?? null),
    column((i) => i.authorId ?? null),
    column((_, index) => approval[index].authorLevel),
    column((i) => i.aiAssisted ?? null),
    column((i) => i.aiToolId ?? null),
    column((i) => i.aiInvolvement ?? null),
    column((i) => i.aiDetectedBy ?? null),
    column((i) => iso(i.shippedAt)),
    column((i) => iso(i.rolledBackAt)),
    column((_, index) => approval[index].required),
    column((_, index) => approval[index].state),
    policyId,
    actor.userId,
    actor.label,
    column((i) => i.pullRequestNumber ?? null),
    column((i) => i.headSha ?? null),
    column((i) => iso(i.abandonedAt)),
  );
}
