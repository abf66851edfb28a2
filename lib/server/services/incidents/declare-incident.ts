import "server-only";
import { SEVERITY_INFO } from "@/lib/domain/severity";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { SessionUser } from "@/lib/server/auth/session-user";
import { getDb } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import { assertCan } from "@/lib/server/permissions";
import type { DeclareIncidentInput } from "@/lib/schemas/incident";
import { writeAudit } from "@/lib/server/services/audit/write-audit";
import { queueIncidentDeclared } from "@/lib/server/services/webhooks/queue-domain-events";
import { refreshBlastRadiusLevel } from "./refresh-blast-radius";

/** Logs a new incident during an outage: only title, severity, impact start and services. */
export async function declareIncident(options: {
  actor: SessionUser;
  input: DeclareIncidentInput;
}): Promise<{ id: number }> {
  assertCan(options.actor, "incident:declare");
  return getDb().$transaction((tx) => declareIncidentInTx(tx, options.actor, options.input));
}

/** The same use case inside a caller's transaction (an idempotent API request is one transaction). */
export async function declareIncidentInTx(
  tx: Prisma.TransactionClient,
  actor: SessionUser,
  input: DeclareIncidentInput,
): Promise<{ id: number }> {
  assertCan(actor, "incident:declare");
  const services = await tx.service.findMany({
    where: { id: { in: input.serviceIds }, archivedAt: null },
    select: { id: true },
  });
  if (services.length !== input.serviceIds.length) {
    throw new AppError("VALIDATION", "One of the chosen services no longer exists. Reload the page and pick again.", {
      fieldErrors: { serviceIds: ["Pick services from the list."] },
    });
  }

  const now = new Date();
  const detectedAt = input.impactStartedAt > now ? input.impactStartedAt : now;
  const incident = await tx.incident.create({
    data: {
      title: input.title,
      severity: input.severity,
      impactStartedAt: input.impactStartedAt,
      detectedAt,
      commanderId: actor.id,
      declaredById: actor.id,
      services: { create: input.serviceIds.map((serviceId) => ({ serviceId })) },
      timeline: {
        create: {
          kind: "DECLARED",
          authorId: actor.id,
          occurredAt: now,
          body: `Declared as ${SEVERITY_INFO[input.severity].label}`,
        },
      },
    },
    select: { id: true },
  });
  const level = await refreshBlastRadiusLevel(tx, incident.id);
  await writeAudit(tx, {
    actorId: actor.id,
    action: "incident.declared",
    entityType: "Incident",
    entityId: incident.id,
    after: { ...input, impactStartedAt: input.impactStartedAt.toISOString(), blastRadiusLevel: level },
  });
  await queueIncidentDeclared(tx, { incidentId: incident.id, severity: input.severity, declaredBy: actor });
  return incident;
}
