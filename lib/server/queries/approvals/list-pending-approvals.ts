import "server-only";
import { getDb } from "@/lib/server/db";

/**
 * The approvals queue: pending changes that have not shipped, oldest request first.
 * Pending changes that shipped anyway are violations and are counted, not queued.
 */
export async function countShippedWhilePending(): Promise<number> {
  return getDb().change.count({ where: { approvalState: "PENDING", shippedAt: { not: null } } });
}

export async function listPendingApprovals(limit = 200) {
  return getDb().change.findMany({
    where: { approvalState: "PENDING", shippedAt: null },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: limit,
    select: {
      id: true,
      title: true,
      version: true,
      kind: true,
      repository: true,
      externalUrl: true,
      createdAt: true,
      shippedAt: true,
      aiInvolvement: true,
      authorLevel: true,
      authorId: true,
      author: { select: { name: true } },
      aiTool: { select: { name: true } },
      service: { select: { name: true } },
    },
  });
}
export type PendingApproval = Awaited<ReturnType<typeof listPendingApprovals>>[number];
