import "server-only";
import { blastRadiusLevel, impactMinutes, type BlastRadiusLevel } from "@/lib/domain/blast-radius";
import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * Re-derives the stored blast-radius level from the incident's current facts (the rule
 * lives in lib/domain/blast-radius.ts). Call in the transaction of any write that changes
 * a fact: services, regions, capabilities, shares, failed transactions, mitigation.
 */
export async function refreshBlastRadiusLevel(
  tx: Prisma.TransactionClient,
  incidentId: number,
): Promise<BlastRadiusLevel> {
  const incident = await tx.incident.findUniqueOrThrow({
    where: { id: incidentId },
    select: {
      impactStartedAt: true,
      mitigatedAt: true,
      resolvedAt: true,
      customerImpactPct: true,
      failedTransactions: true,
      _count: { select: { services: true, regions: true, capabilities: true } },
    },
  });
  const level = blastRadiusLevel({
    services: incident._count.services,
    regions: incident._count.regions,
    capabilities: incident._count.capabilities,
    customerImpactPct: incident.customerImpactPct === null ? null : Number(incident.customerImpactPct),
    failedTransactions: incident.failedTransactions,
    impactMinutes: impactMinutes(incident.impactStartedAt, incident.mitigatedAt, incident.resolvedAt),
  });
  await tx.incident.update({ where: { id: incidentId }, data: { blastRadiusLevel: level } });
  return level;
}
