import "server-only";
import type { UpdateBlastRadiusInput } from "@/lib/schemas/incident-updates";
import type { SessionUser } from "@/lib/server/auth/session-user";
import { getDb } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import { assertCan } from "@/lib/server/permissions";
import { writeAudit } from "@/lib/server/services/audit/write-audit";
import { updateIncidentAtVersion } from "./incident-version";
import { refreshBlastRadiusLevel } from "./refresh-blast-radius";

/** Replaces the blast-radius facts and re-derives the level. */
export async function updateBlastRadius(options: { actor: SessionUser; input: UpdateBlastRadiusInput }): Promise<void> {
  assertCan(options.actor, "incident:update");
  const { actor, input } = options;
  await getDb().$transaction(async (tx) => {
    const before = await tx.incident.findUnique({
      where: { id: input.incidentId },
      select: {
        blastRadiusLevel: true,
        customerImpactPct: true,
        failedTransactions: true,
        services: { select: { serviceId: true } },
        regions: { select: { regionId: true } },
        capabilities: { select: { capabilityId: true } },
      },
    });
    if (!before) throw new AppError("NOT_FOUND", "This incident does not exist (any more).");
    const services = await tx.service.count({ where: { id: { in: input.serviceIds } } });
    const regions = await tx.region.count({ where: { id: { in: input.regionIds } } });
    const capabilities = await tx.capability.count({ where: { id: { in: input.capabilityIds } } });
    if (
      services !== input.serviceIds.length ||
      regions !== input.regionIds.length ||
      capabilities !== input.capabilityIds.length
    ) {
      throw new AppError(
        "VALIDATION",
        "One of the chosen services, regions or capabilities no longer exists. Reload and pick again.",
      );
    }
    await updateIncidentAtVersion(tx, input.incidentId, input.version, {
      customerImpactPct: input.customerImpactPct,
      failedTransactions: input.failedTransactions,
    });
    const id = input.incidentId;
    await tx.incidentService.deleteMany({ where: { incidentId: id } });
    await tx.incidentRegion.deleteMany({ where: { incidentId: id } });
    await tx.incidentCapability.deleteMany({ where: { incidentId: id } });
    await tx.incidentService.createMany({ data: input.serviceIds.map((serviceId) => ({ incidentId: id, serviceId })) });
    await tx.incidentRegion.createMany({ data: input.regionIds.map((regionId) => ({ incidentId: id, regionId })) });
    await tx.incidentCapability.createMany({
      data: input.capabilityIds.map((capabilityId) => ({ incidentId: id, capabilityId })),
    });
    const level = await refreshBlastRadiusLevel(tx, id);

    const after = {
      blastRadiusLevel: level,
      customerImpactPct: input.customerImpactPct,
      failedTransactions: input.failedTransactions,
      serviceIds: input.serviceIds,
      regionIds: input.regionIds,
      capabilityIds: input.capabilityIds,
    };
    await tx.timelineEvent.create({
      data: {
        incidentId: id,
        kind: "BLAST_RADIUS_UPDATED",
        authorId: actor.id,
        body:
          before.blastRadiusLevel === level
            ? "Blast radius facts updated"
            : `Blast radius now ${level.toLowerCase()} (was ${before.blastRadiusLevel.toLowerCase()})`,
        data: after,
      },
    });
    await writeAudit(tx, {
      actorId: actor.id,
      action: "incident.blast_radius_updated",
      entityType: "Incident",
      entityId: id,
      before: {
        blastRadiusLevel: before.blastRadiusLevel,
        customerImpactPct: before.customerImpactPct === null ? null : Number(before.customerImpactPct),
        failedTransactions: before.failedTransactions,
        serviceIds: before.services.map((s) => s.serviceId),
        regionIds: before.regions.map((r) => r.regionId),
        capabilityIds: before.capabilities.map((c) => c.capabilityId),
      },
      after,
    });
  });
}
