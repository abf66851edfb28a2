import "server-only";
import { AI_SHARE_BAND_BOUNDS, type AiShareFilter } from "@/lib/domain/attribution/ai-share";
import { FAILING_LINK_ROLES } from "@/lib/domain/change-failure";
import type { Prisma } from "@/lib/generated/prisma/client";
import { shippedRange, type ChangeFilters } from "@/lib/schemas/change-filters";
import { getDb } from "@/lib/server/db";
import { getChangeOutcomes } from "@/lib/server/queries/outcomes/get-outcomes";

// "Failed" and "shipped without approval" as Prisma conditions, so the list keeps Prisma's
// keyset queries; prisma/definitions.sql (ChangeOutcome) is the definition, and
// lib/server/queries/list-filters-definitions.property.test.ts fails if the two ever differ.
const failedWhere: Prisma.ChangeWhereInput = {
  OR: [{ rolledBackAt: { not: null } }, { incidents: { some: { role: { in: [...FAILING_LINK_ROLES] } } } }],
};

export function changeWhere(filters: ChangeFilters, timeZone: string): Prisma.ChangeWhereInput {
  const and: Prisma.ChangeWhereInput[] = [];
  if (filters.serviceIds.length) and.push({ serviceId: { in: filters.serviceIds } });
  if (filters.teamIds.length) and.push({ service: { teamId: { in: filters.teamIds } } });
  if (filters.kinds.length) and.push({ kind: { in: filters.kinds } });
  if (filters.ai) and.push({ aiAssisted: filters.ai === "yes" });
  if (filters.aiToolIds.length) and.push({ aiToolId: { in: filters.aiToolIds } });
  if (filters.aiShareBands?.length) and.push({ OR: filters.aiShareBands.map(aiShareWhere) });
  if (filters.authorLevels.length) and.push({ authorLevel: { in: filters.authorLevels } });
  if (filters.approvalStates.length) and.push({ approvalState: { in: filters.approvalStates } });
  if (filters.violation) {
    // PRODUCT.md: shipped while approval was required and not given before shipping.
    and.push({ approvalRequired: true, shippedAt: { not: null } });
    and.push({
      NOT: { approvalState: "APPROVED", approvalDecidedAt: { not: null, lte: getDb().change.fields.shippedAt } },
    });
  }
  const range = shippedRange(filters, timeZone);
  if (range.gte || range.lt) and.push({ shippedAt: range });
  if (filters.failed === "yes") and.push(failedWhere);
  if (filters.failed === "no") and.push({ NOT: failedWhere });
  if (filters.q)
    and.push({
      OR: [
        { title: { contains: filters.q, mode: "insensitive" } },
        { repository: { contains: filters.q, mode: "insensitive" } },
        { externalId: filters.q },
      ],
    });
  return { AND: and };
}

/** A measured AI share band (lib/domain/attribution/ai-share.ts bounds), or no line-level evidence. */
function aiShareWhere(band: AiShareFilter): Prisma.ChangeWhereInput {
  if (band === "UNMEASURED") return { OR: [{ attribution: null }, { attribution: { aiShare: null } }] };
  const { above, atMost } = AI_SHARE_BAND_BOUNDS[band];
  return {
    attribution: {
      aiShare: { not: null, ...(above === null ? {} : { gt: above }), ...(atMost === null ? {} : { lte: atMost }) },
    },
  };
}

/** Newest registration first, keyset-paginated on id. */
export async function listChanges(options: {
  filters: ChangeFilters;
  timeZone: string;
  beforeId?: number;
  limit?: number;
}) {
  const limit = Math.min(Math.max(options.limit ?? 50, 1), 200);
  const where = changeWhere(options.filters, options.timeZone);
  if (options.beforeId) (where.AND as Prisma.ChangeWhereInput[]).push({ id: { lt: options.beforeId } });
  const rows = await getDb().change.findMany({
    where,
    orderBy: { id: "desc" },
    take: limit + 1,
    select: {
      id: true,
      title: true,
      kind: true,
      repository: true,
      shippedAt: true,
      rolledBackAt: true,
      aiAssisted: true,
      aiInvolvement: true,
      authorLevel: true,
      approvalRequired: true,
      approvalState: true,
      approvalDecidedAt: true,
      service: { select: { name: true } },
      author: { select: { name: true } },
      aiTool: { select: { name: true } },
    },
  });
  const shown = rows.slice(0, limit);
  const outcomes = await getChangeOutcomes(shown.map((row) => row.id));
  const page = shown.map((row) => ({
    ...row,
    failed: outcomes.get(row.id)?.failed ?? false,
    compliance: outcomes.get(row.id)?.compliance ?? "NOT_REQUIRED",
  }));
  return { rows: page, nextBeforeId: rows.length > limit ? page.at(-1)!.id : null };
}
export type ChangeListRow = Awaited<ReturnType<typeof listChanges>>["rows"][number];
