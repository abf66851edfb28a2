import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ChangeFilters } from "@/lib/schemas/change-filters";
import type { ApiChange } from "@/lib/schemas/api/changes";
import { getDb } from "@/lib/server/db";
import { getChangeOutcomes, type ChangeOutcome } from "@/lib/server/queries/outcomes/get-outcomes";
import { changeWhere } from "./list-changes";

// Read model of the REST API's Change resource: one select and one mapping for get, list and upsert answers.

const SELECT = {
  id: true,
  source: true,
  externalId: true,
  externalUrl: true,
  kind: true,
  title: true,
  description: true,
  repository: true,
  authorLevel: true,
  aiAssisted: true,
  aiInvolvement: true,
  aiDetectedBy: true,
  shippedAt: true,
  rolledBackAt: true,
  approvalRequired: true,
  approvalState: true,
  approvalDecidedAt: true,
  createdAt: true,
  updatedAt: true,
  service: { select: { slug: true, name: true } },
  author: { select: { email: true, name: true, githubLogin: true } },
  aiTool: { select: { slug: true, name: true } },
  incidents: { orderBy: { createdAt: "asc" }, select: { incidentId: true, role: true } },
} as const satisfies Prisma.ChangeSelect;
type Row = Prisma.ChangeGetPayload<{ select: typeof SELECT }>;

function toApiChange(row: Row, outcome: ChangeOutcome | undefined, origin: string): ApiChange {
  if (!outcome) throw new Error(`No outcome for change ${row.id}`);
  const { incidents, approvalRequired, approvalState, approvalDecidedAt, ...rest } = row;
  return {
    ...rest,
    url: `${origin}/changes/${row.id}`,
    shippedAt: row.shippedAt?.toISOString() ?? null,
    rolledBackAt: row.rolledBackAt?.toISOString() ?? null,
    failed: outcome.failed,
    approval: {
      required: approvalRequired,
      state: approvalState,
      decidedAt: approvalDecidedAt?.toISOString() ?? null,
      compliance: outcome.compliance,
    },
    incidents: incidents.map((link) => ({
      id: link.incidentId,
      url: `${origin}/incidents/${link.incidentId}`,
      role: link.role,
    })),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export async function getApiChange(id: number, origin: string): Promise<ApiChange | null> {
  const row = await getDb().change.findUnique({ where: { id }, select: SELECT });
  return row ? toApiChange(row, (await getChangeOutcomes([row.id])).get(row.id), origin) : null;
}

/** Newest registration first, keyset-paginated on id; the UI's filters. */
export async function listApiChanges(options: {
  filters: ChangeFilters;
  timeZone: string;
  beforeId?: number;
  limit: number;
  origin: string;
}) {
  const where = changeWhere(options.filters, options.timeZone);
  if (options.beforeId) (where.AND as Prisma.ChangeWhereInput[]).push({ id: { lt: options.beforeId } });
  const rows = await getDb().change.findMany({
    where,
    orderBy: { id: "desc" },
    take: options.limit + 1,
    select: SELECT,
  });
  const outcomes = await getChangeOutcomes(rows.map((row) => row.id));
  const page = rows.slice(0, options.limit).map((row) => toApiChange(row, outcomes.get(row.id), options.origin));
  return { data: page, nextCursor: rows.length > options.limit ? String(page.at(-1)!.id) : null };
}

/** Ids of the changes with this external id (from `source`, or any source); at most two are read. */
export async function findChangeIdByExternal(source: string | undefined, externalId: string): Promise<number[]> {
  const rows = await getDb().change.findMany({
    where: { externalId, ...(source ? { source } : {}) },
    select: { id: true },
    take: 2,
  });
  return rows.map((row) => row.id);
}
