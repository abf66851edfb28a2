import "server-only";
import type { ApprovalState } from "@/lib/domain/approval-policy";
import { getDb } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";

export type GateChange = { id: number; title: string; approvalRequired: boolean; approvalState: ApprovalState };

/** The change CI asks about, by external id (and source when several sources use the id). */
export async function findChangeForGate(query: { externalId: string; source?: string }): Promise<GateChange | null> {
  const matches = await getDb().change.findMany({
    where: { externalId: query.externalId, ...(query.source ? { source: query.source } : {}) },
    select: { id: true, title: true, approvalRequired: true, approvalState: true, source: true },
    take: 2,
  });
  if (matches.length > 1) {
    throw new AppError(
      "CONFLICT",
      `Several changes use external id "${query.externalId}" (sources ${matches.map((m) => m.source).join(", ")}). Pass \`source\` too.`,
    );
  }
  return matches[0] ?? null;
}
