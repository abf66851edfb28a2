import "server-only";
import type { ApprovalState, Level } from "@/lib/domain/approval-policy";
import type { AiInvolvement, ChangeKind } from "@/lib/domain/change";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ExternalChangeInput } from "./ingest-input";

// Step 2 of an ingestion: ONE statement writes every change (INSERT … ON CONFLICT), its audit
// row and, for new changes that need approval, the "requested" decision, and answers with
// everything the API's answer shows — so nothing is read back afterwards.

/** An input with its references resolved and its approval decided. */
export type PlannedChange = {
  input: ExternalChangeInput;
  serviceId: number;
  authorId: number | null;
  authorLevel: Level | null;
  aiToolId: number | null;
  approvalRequired: boolean;
  approvalState: ApprovalState;
};

/** A change as the write left it (or found it, when nothing differed), with what the answer names. */
export type IngestedChange = {
  id: number;
  source: string;
  externalId: string;
  externalUrl: string | null;
  kind: ChangeKind;
  title: string;
  description: string;
  repository: string | null;
  serviceId: number;
  service: { slug: string; name: string };
  authorId: number | null;
  author: { email: string; name: string; githubLogin: string | null } | null;
  authorLevel: Level | null;
  aiAssisted: boolean;
  aiToolId: number | null;
  aiTool: { slug: string; name: string } | null;
  aiInvolvement: AiInvolvement | null;
  aiDetectedBy: string | null;
  shippedAt: Date | null;
  rolledBackAt: Date | null;
  approvalRequired: boolean;
  approvalState: ApprovalState;
  approvalDecidedAt: Date | null;
  approverId: number | null;
  headSha: string | null;
  createdAt: Date;
  updatedAt: Date;
  /** Written by this statement (false: identical to the stored row, left alone). */
  written: boolean;
  inserted: boolean;
  previousShippedAt: Date | null;
  failed: boolean;
  compliance: "NOT_REQUIRED" | "PENDING" | "COMPLIANT" | "VIOLATION";
  incidents: Array<{ incidentId: number; role: string }>;
};

const iso = (date: Date | null | undefined) => (date ? date.toISOString() : null);

/** The proposed row, one unnest array per column: [alias, SQL array type, value]. */
const INPUT_COLUMNS: Array<[string, string, (change: PlannedChange) => unknown]> = [
  ["source", "text", (c) => c.input.source],
  ["external_id", "text", (c) => c.input.externalId],
  ["external_url", "text", (c) => c.input.externalUrl ?? null],
  ["kind", "text", (c) => c.input.kind],
  ["title", "text", (c) => c.input.title],
  ["description", "text", (c) => c.input.description ?? null],
  ["service_id", "int", (c) => c.serviceId],
  ["repository", "text", (c) => c.input.repository ?? null],
  ["author_id", "int", (c) => c.authorId],
  ["author_level", "text", (c) => c.authorLevel],
  ["ai_assisted", "boolean", (c) => c.input.aiAssisted ?? null],
  ["ai_tool_id", "int", (c) => c.aiToolId],
  ["ai_involvement", "text", (c) => c.input.aiInvolvement ?? null],
  ["ai_detected_by", "text", (c) => c.input.aiDetectedBy ?? null],
  ["shipped_at", "timestamptz", (c) => iso(c.input.shippedAt)],
  ["rolled_back_at", "timestamptz", (c) => iso(c.input.rolledBackAt)],
  ["approval_required", "boolean", (c) => c.approvalRequired],
  ["approval_state", "text", (c) => c.approvalState],
  ["pull_request_number", "int", (c) => c.input.pullRequestNumber ?? null],
  ["head_sha", "text", (c) => c.input.headSha ?? null],
  ["abandoned_at", "timestamptz", (c) => iso(c.input.abandonedAt)],
];
const [POLICY, ACTOR_ID, ACTOR_LABEL] = [1, 2, 3].map((n) => `$${INPUT_COLUMNS.length + n}`);

// On update: a NULL input keeps the stored value. description and aiAssisted are NOT NULL
// columns, so the proposed row cannot carry a NULL for them: their fallback is read in the
// SELECT from the stored row instead (the row is locked by the preparing statement).
const UPDATED: Array<[column: string, expression: string]> = [
  ['"externalUrl"', 'COALESCE(excluded."externalUrl", c."externalUrl")'],
  ["kind", "excluded.kind"],
  ["title", "excluded.title"],
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
const AUDITED_FIELDS = [
  "source",
  "externalId",
  "externalUrl",
  "kind",
  "title",
  "description",
  "serviceId",
  "repository",
  "authorId",
  "authorLevel",
  "aiAssisted",
  "aiToolId",
  "aiInvolvement",
  "aiDetectedBy",
  "shippedAt",
  "rolledBackAt",
  "approvalRequired",
  "approvalState",
  "pullRequestNumber",
  "headSha",
  "abandonedAt",
];
const AUDITED = `jsonb_build_object(${AUDITED_FIELDS.map((field) => `'${field}', c."${field}"`).join(", ")})`;
/** The columns every row of the answer carries, from the written row or the stored one. */
const ROW = `c.id, c.source, c."externalId", c."externalUrl", c.kind::text AS kind, c.title, c.description, c.repository, c."serviceId",
  c."authorId", c."authorLevel"::text AS "authorLevel", c."aiAssisted", c."aiToolId", c."aiInvolvement"::text AS "aiInvolvement",
  c."aiDetectedBy", c."shippedAt", c."rolledBackAt", c."approvalRequired", c."approvalState", c."approvalDecidedAt",
  c."approverId", c."headSha", c."createdAt", c."updatedAt"`;

/** The answer's columns, from a relation `result` holding ROW plus inserted, after, written, "previousShippedAt". */
const ANSWER = `SELECT r.id, r.source, r."externalId", r."externalUrl", r.kind, r.title, r.description, r.repository, r."serviceId",
       json_build_object('slug', s.slug, 'name', s.name) AS service,
       r."authorId", CASE WHEN u.id IS NULL THEN NULL ELSE json_build_object('email', u.email, 'name', u.name, 'githubLogin', u."githubLogin") END AS author,
       r."authorLevel", r."aiAssisted", r."aiToolId",
       CASE WHEN t.id IS NULL THEN NULL ELSE json_build_object('slug', t.slug, 'name', t.name) END AS "aiTool",
       r."aiInvolvement", r."aiDetectedBy", r."shippedAt", r."rolledBackAt", r."approvalRequired", r."approvalState"::text AS "approvalState",
       r."approvalDecidedAt", r."approverId", r."headSha", r."createdAt", r."updatedAt", r.written, r.inserted, r."previousShippedAt",
       -- prisma/definitions.sql, view "ChangeOutcome": rolled back, or a failing link ("FailingLink"); compliance by its function.
       (r."rolledBackAt" IS NOT NULL OR EXISTS (SELECT 1 FROM "FailingLink" f WHERE f."changeId" = r.id)) AS failed,
       "faultline_approval_compliance"(r."approvalRequired", r."approvalState", r."approvalDecidedAt", r."shippedAt") AS compliance,
       COALESCE((SELECT json_agg(json_build_object('incidentId', l."incidentId", 'role', l.role) ORDER BY l."createdAt")
                 FROM "IncidentChange" l WHERE l."changeId" = r.id), '[]'::json) AS incidents
FROM result r
JOIN "Service" s ON s.id = r."serviceId"
LEFT JOIN "User" u ON u.id = r."authorId"
LEFT JOIN "AiTool" t ON t.id = r."aiToolId"`;

const UPSERT_SQL = `
WITH input AS (
  SELECT * FROM unnest(${INPUT_COLUMNS.map(([, type], index) => `$${index + 1}::${type}[]`).join(", ")})
    AS t(${INPUT_COLUMNS.map(([alias]) => alias).join(", ")})
),
previous AS (
  SELECT c.id, c."shippedAt", ${AUDITED} AS before
  FROM "Change" c JOIN input i ON c.source = i.source AND c."externalId" = i.external_id
),
written AS (
  INSERT INTO "Change" AS c (source, "externalId", "externalUrl", kind, title, description, "serviceId", repository, "authorId", "authorLevel",
                             "aiAssisted", "aiToolId", "aiInvolvement", "aiDetectedBy", "shippedAt", "rolledBackAt", "approvalRequired", "approvalState",
                             "policyId", "updatedAt", "pullRequestNumber", "headSha", "abandonedAt")
  SELECT i.source, i.external_id, i.external_url, i.kind::"ChangeKind", i.title, COALESCE(i.description, s.description, ''), i.service_id, i.repository,
         i.author_id, i.author_level::"Level", COALESCE(i.ai_assisted, s."aiAssisted", false), i.ai_tool_id, i.ai_involvement::"AiInvolvement", i.ai_detected_by,
         i.shipped_at, i.rolled_back_at, i.approval_required, i.approval_state::"ApprovalState", ${POLICY}::int, now(),
         i.pull_request_number, i.head_sha, i.abandoned_at
  FROM input i LEFT JOIN "Change" s ON s.source = i.source AND s."externalId" = i.external_id
  ON CONFLICT (source, "externalId") DO UPDATE SET
    ${UPDATED.map(([column, expression]) => `${column} = ${expression}`).join(",\n    ")},
    version = c.version + 1,
    "updatedAt" = now()
  WHERE (${UPDATED.map(([column]) => `c.${column}`).join(", ")}) IS DISTINCT FROM (${UPDATED.map(([, expression]) => expression).join(", ")})
  RETURNING ${ROW}, (c.xmax = 0) AS inserted, ${AUDITED} AS after
),
audit AS (
  INSERT INTO "AuditLog" ("actorId", "actorLabel", action, "entityType", "entityId", before, after)
  SELECT ${ACTOR_ID}::int, ${ACTOR_LABEL}::text, CASE WHEN w.inserted THEN 'change.ingested' ELSE 'change.ingest_updated' END, 'Change', w.id::text,
         CASE WHEN w.inserted THEN NULL ELSE p.before END, w.after
  FROM written w LEFT JOIN previous p ON p.id = w.id
),
requested AS (
  INSERT INTO "ApprovalDecision" ("changeId", "actorId", decision)
  SELECT w.id, COALESCE(w."authorId", ${ACTOR_ID}::int), 'REQUESTED'
  FROM written w WHERE w.inserted AND w."approvalRequired" AND COALESCE(w."authorId", ${ACTOR_ID}::int) IS NOT NULL
),
result AS (
  SELECT w.*, true AS written, p."shippedAt" AS "previousShippedAt"
  FROM written w LEFT JOIN previous p ON p.id = w.id
  UNION ALL
  SELECT ${ROW}, false, NULL::jsonb, false, c."shippedAt"
  FROM "Change" c
  WHERE c.id IN (SELECT id FROM previous) AND c.id NOT IN (SELECT id FROM written)
)
${ANSWER}`;

/**
 * Stored changes as the answer shows them, found by key: for a row that a concurrent
 * transaction inserted after the write's snapshot, identical to ours (neither written nor
 * seen by the statement). Rare; read committed sees it now.
 */
export async function readIngested(
  tx: Prisma.TransactionClient,
  keys: Array<{ source: string; externalId: string }>,
): Promise<IngestedChange[]> {
  return tx.$queryRawUnsafe<IngestedChange[]>(
    `WITH result AS (
       SELECT ${ROW}, false AS inserted, NULL::jsonb AS after, false AS written, c."shippedAt" AS "previousShippedAt"
       FROM "Change" c JOIN unnest($1::text[], $2::text[]) AS k(source, external_id) ON c.source = k.source AND c."externalId" = k.external_id
     )
     ${ANSWER}`,
    keys.map((key) => key.source),
    keys.map((key) => key.externalId),
  );
}

/** Writes the planned changes (deduplicated and in key order) with their audit rows; answers one row per change. */
export async function upsertChanges(
  tx: Prisma.TransactionClient,
  planned: PlannedChange[],
  options: { policyId: number; actorId: number | null; actorLabel: string | null },
): Promise<IngestedChange[]> {
  const columns = INPUT_COLUMNS.map(([, , pick]) => planned.map(pick));
  return tx.$queryRawUnsafe<IngestedChange[]>(
    UPSERT_SQL,
    ...columns,
    options.policyId,
    options.actorId,
    options.actorLabel,
  );
}
