import "server-only";
import type { ApprovalState } from "@/lib/domain/approval-policy";
import type { Prisma } from "@/lib/generated/prisma/client";
import { getDb } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";

export type GateChange = { id: number; title: string; approvalRequired: boolean; approvalState: ApprovalState };
export type GateQuery = { externalId?: string; source?: string; repository?: string; pr?: number; sha?: string };

/**
 * The change CI asks about: by external id (and source when several sources use the id), or
 * by repository and pull request number, or by repository and head commit (a prefix of 7+).
 */
export async function findChangeForGate(query: GateQuery): Promise<GateChange | null> {
  const repository = query.repository ? { equals: query.repository, mode: "insensitive" as const } : undefined;
  const where: Prisma.ChangeWhereInput =
    query.externalId !== undefined
      ? { externalId: query.externalId, ...(query.source ? { source: query.source } : {}) }
      : query.pr !== undefined
        ? { repository, pullRequestNumber: query.pr }
        : { repository, headSha: { startsWith: query.sha ?? "" } };
  const matches = await getDb().change.findMany({
    where,
    select: { id: true, title: true, approvalRequired: true, approvalState: true, source: true },
    orderBy: { id: "desc" },
    take: 2,
  });
  if (matches.length > 1) {
    const named =
      query.externalId !== undefined
        ? `external id "${query.externalId}"`
        : "that repository and " + (query.pr !== undefined ? `pull request #${query.pr}` : `commit ${query.sha}`);
    throw new AppError(
      "CONFLICT",
      `Several changes match ${named} (changes ${matches.map((m) => `#${m.id} from ${m.source}`).join(", ")}). ${query.externalId !== undefined ? "Pass `source` too." : "Pass the full commit SHA or the change's external id."}`,
    );
  }
  return matches[0] ?? null;
}
