// Column buffers for one chunk of demo changes and their approval decisions, and the bulk
// insert that writes a chunk: one `INSERT … SELECT FROM unnest(…)` per table.
import type { Db } from "@/lib/server/db/connection";

export type ChangeChunk = ReturnType<typeof newChangeChunk>;

export function newChangeChunk() {
  return {
    id: [] as number[],
    externalId: [] as string[],
    externalUrl: [] as string[],
    kind: [] as string[],
    title: [] as string[],
    description: [] as string[],
    serviceId: [] as number[],
    repository: [] as string[],
    authorId: [] as (number | null)[],
    authorLevel: [] as (string | null)[],
    aiAssisted: [] as boolean[],
    aiToolId: [] as (number | null)[],
    aiInvolvement: [] as (string | null)[],
    aiDetectedBy: [] as (string | null)[],
    shippedAt: [] as (Date | null)[],
    rolledBackAt: [] as (Date | null)[],
    approvalRequired: [] as boolean[],
    approvalState: [] as string[],
    approverId: [] as (number | null)[],
    approvalDecidedAt: [] as (Date | null)[],
    approvalComment: [] as (string | null)[],
    createdAt: [] as Date[],
    updatedAt: [] as Date[],
    decision: {
      id: [] as number[],
      changeId: [] as number[],
      actorId: [] as number[],
      kind: [] as string[],
      comment: [] as string[],
      createdAt: [] as Date[],
    },
  };
}

export function pushDecision(
  d: ChangeChunk["decision"],
  id: number,
  changeId: number,
  actorId: number,
  kind: string,
  comment: string,
  at: number,
) {
  d.id.push(id);
  d.changeId.push(changeId);
  d.actorId.push(actorId);
  d.kind.push(kind);
  d.comment.push(comment);
  d.createdAt.push(new Date(at));
}

export async function insertChangeChunk(db: Db, c: ChangeChunk, policyId: number) {
  await db.$executeRaw`
    INSERT INTO "Change" ("id", "source", "externalId", "externalUrl", "kind", "title", "description", "serviceId", "repository",
      "authorId", "authorLevel", "aiAssisted", "aiToolId", "aiInvolvement", "aiDetectedBy", "shippedAt", "rolledBackAt",
      "approvalRequired", "approvalState", "policyId", "approverId", "approvalDecidedAt", "approvalComment", "createdAt", "updatedAt", "demo")
    SELECT u.id, 'demo', u.external_id, u.external_url, u.kind::"ChangeKind", u.title, u.description, u.service_id, u.repository,
      u.author_id, u.author_level::"Level", u.ai_assisted, u.ai_tool_id, u.ai_involvement::"AiInvolvement", u.ai_detected_by, u.shipped_at,
      u.rolled_back_at, u.approval_required, u.approval_state::"ApprovalState", ${policyId}::int, u.approver_id, u.decided_at, u.comment,
      u.created_at, u.updated_at, true
    FROM unnest(${c.id}::int[], ${c.externalId}::text[], ${c.externalUrl}::text[], ${c.kind}::text[], ${c.title}::text[],
      ${c.description}::text[], ${c.serviceId}::int[], ${c.repository}::text[], ${c.authorId}::int[], ${c.authorLevel}::text[],
      ${c.aiAssisted}::boolean[], ${c.aiToolId}::int[], ${c.aiInvolvement}::text[], ${c.aiDetectedBy}::text[], ${c.shippedAt}::timestamptz[],
      ${c.rolledBackAt}::timestamptz[], ${c.approvalRequired}::boolean[], ${c.approvalState}::text[], ${c.approverId}::int[],
      ${c.approvalDecidedAt}::timestamptz[], ${c.approvalComment}::text[], ${c.createdAt}::timestamptz[], ${c.updatedAt}::timestamptz[])
      AS u(id, external_id, external_url, kind, title, description, service_id, repository, author_id, author_level, ai_assisted,
        ai_tool_id, ai_involvement, ai_detected_by, shipped_at, rolled_back_at, approval_required, approval_state, approver_id,
        decided_at, comment, created_at, updated_at)`;
  const d = c.decision;
  if (d.id.length === 0) return;
  await db.$executeRaw`
    INSERT INTO "ApprovalDecision" ("id", "changeId", "actorId", "decision", "comment", "createdAt")
    SELECT u.id, u.change_id, u.actor_id, u.kind::"ApprovalDecisionKind", u.comment, u.created_at
    FROM unnest(${d.id}::int[], ${d.changeId}::int[], ${d.actorId}::int[], ${d.kind}::text[], ${d.comment}::text[], ${d.createdAt}::timestamptz[])
      AS u(id, change_id, actor_id, kind, comment, created_at)`;
}
