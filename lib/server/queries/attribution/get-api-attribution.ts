import "server-only";
import { aiShareBand } from "@/lib/domain/attribution/ai-share";
import type { AgentUse, AttributionSource } from "@/lib/domain/attribution/summary";
import type { ApiAttribution } from "@/lib/schemas/api/attribution";
import { getDb } from "@/lib/server/db";

export type ChangeAttributionView = ApiAttribution;

/** A change's stored attribution evidence, as the API and the change page show it. */
export async function getApiAttribution(changeId: number): Promise<ApiAttribution | null> {
  const row = await getDb().changeAttribution.findUnique({
    where: { changeId },
    include: { change: { select: { aiAssisted: true } } },
  });
  if (!row) return null;
  return {
    changeId,
    source: row.source as AttributionSource,
    schemaVersion: row.schemaVersion,
    commitSha: row.commitSha,
    aiLines: row.aiLines,
    humanLines: row.humanLines,
    totalLines: row.totalLines,
    aiShare: row.aiShare,
    band: aiShareBand(row.aiShare),
    agents: row.agents as AgentUse[],
    coAuthors: row.coAuthors,
    declaredAiAssisted: row.declaredAiAssisted,
    aiAssisted: row.change.aiAssisted,
    mismatch: row.mismatch,
    thresholdApplied: row.thresholdApplied,
    recordedAt: row.recordedAt.toISOString(),
  };
}
