import "server-only";
import { getDb } from "@/lib/server/db";

export async function getIncident(id: number) {
  return getDb().incident.findUnique({
    where: { id },
    select: {
      id: true,
      title: true,
      summary: true,
      severity: true,
      status: true,
      blastRadiusLevel: true,
      impactStartedAt: true,
      detectedAt: true,
      mitigatedAt: true,
      resolvedAt: true,
      customerImpactPct: true,
      failedTransactions: true,
      version: true,
      commander: { select: { id: true, name: true } },
      declaredBy: { select: { id: true, name: true } },
      services: { select: { service: { select: { id: true, name: true, team: { select: { name: true } } } } } },
      timeline: {
        orderBy: { occurredAt: "asc" },
        select: { id: true, kind: true, occurredAt: true, body: true, author: { select: { name: true } } },
      },
    },
  });
}
export type IncidentDetail = NonNullable<Awaited<ReturnType<typeof getIncident>>>;
