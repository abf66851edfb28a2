import "server-only";
import { SEVERITY_INFO } from "@/lib/domain/severity";
import type { Prisma } from "@/lib/generated/prisma/client";
import {
  actorUserId,
  auditActorOf,
  isIntegrationActor,
  outboundActorOf,
  personOf,
  type Actor,
} from "@/lib/server/auth/actor";
import type { SessionUser } from "@/lib/server/auth/session-user";
import { getDb } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import { assertCan } from "@/lib/server/permissions";
import type { DeclareIncidentInput } from "@/lib/schemas/incident";
import { writeAudit } from "@/lib/server/services/audit/write-audit";
import { queueIncidentDeclared } from "@/lib/server/services/webhooks/queue-domain-events";
import { refreshBlastRadiusLevel } from "./refresh-blast-radius";

/**
 * Logs a new incident during an outage: title, severity, impact start and services; optionally
 * what else is known in the first minutes (summary, commander, team, blast-radius facts and a
 * suspected change, linked as Suspected).
 */
export async function declareIncident(options: {
  actor: SessionUser;
  input: DeclareIncidentInput;
}): Promise<{ id: number }> {
  assertCan(options.actor, "incident:declare");
  return getDb().$transaction((tx) => declareIncidentInTx(tx, options.actor, options.input));
}

/** Where an integration's incident comes from (e.g. an Alertmanager alert group), and what it said. */
export type IncidentOrigin = {
  source: string;
  /** The incident's key at the source (one incident per key). */
  externalKey: string;
  /** Said after "Declared as …" on the timeline, e.g. the alerts that fired. */
  note?: string;
  /** Kept on the DECLARED timeline event, e.g. the alerts' fingerprints. */
  timelineData?: Prisma.InputJsonObject;
};

/**
 * The same use case inside a caller's transaction (an idempotent API request is one
 * transaction). The actor is a person or an integration (which names its `origin`); nobody
 * is commander until someone takes command, unless a person declares.
 */
export async function declareIncidentInTx(
  tx: Prisma.TransactionClient,
  actor: Actor,
  input: DeclareIncidentInput,
  origin?: IncidentOrigin,
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

  const related = await checkDeclareReferences(tx, actor, input);

  const now = new Date();
  const detectedAt = input.impactStartedAt > now ? input.impactStartedAt : now;
  const actorId = actorUserId(actor);
  const commanderId = input.commanderId ?? personOf(actor)?.id ?? null;
  const declaredBody = [
    `Declared as ${SEVERITY_INFO[input.severity].label}`,
    related.teamName ? ` for ${related.teamName}` : "",
    isIntegrationActor(actor) ? ` by ${actor.label}` : "",
    origin?.note ? `: ${origin.note}` : "",
  ].join("");
  const incident = await tx.incident.create({
    data: {
      title: input.title,
      summary: input.summary ?? "",
      severity: input.severity,
      impactStartedAt: input.impactStartedAt,
      detectedAt,
      commanderId,
      declaredById: actorId,
      source: origin?.source ?? null,
      externalKey: origin?.externalKey ?? null,
      teamId: input.teamId ?? null,
      customerImpactPct: input.customerImpactPct ?? null,
      failedTransactions: input.failedTransactions ?? null,
      services: { create: input.serviceIds.map((serviceId) => ({ serviceId })) },
      regions: { create: (input.regionIds ?? []).map((regionId) => ({ regionId })) },
      capabilities: { create: (input.capabilityIds ?? []).map((capabilityId) => ({ capabilityId })) },
      timeline: {
        create: {
          kind: "DECLARED",
          authorId: actorId,
          occurredAt: now,
          body: declaredBody.slice(0, 4000),
          ...(origin?.timelineData ? { data: { source: origin.source, ...origin.timelineData } } : {}),
        },
      },
    },
    select: { id: true },
  });
  if (input.suspectedChangeId !== undefined && related.suspect) {
    await tx.incidentChange.create({
      data: { incidentId: incident.id, changeId: input.suspectedChangeId, role: "SUSPECTED", linkedById: actorId },
    });
    await tx.timelineEvent.create({
      data: {
        incidentId: incident.id,
        kind: "CHANGE_LINKED",
        authorId: actorId,
        occurredAt: now,
        body: `Linked change #${input.suspectedChangeId} “${related.suspect.title}” as suspected`,
        data: { changeId: input.suspectedChangeId, role: "SUSPECTED" },
      },
    });
  }
  const level = await refreshBlastRadiusLevel(tx, incident.id);
  await writeAudit(tx, {
    ...auditActorOf(actor),
    action: "incident.declared",
    entityType: "Incident",
    entityId: incident.id,
    after: {
      ...input,
      commanderId,
      impactStartedAt: input.impactStartedAt.toISOString(),
      blastRadiusLevel: level,
      ...(origin ? { source: origin.source, externalKey: origin.externalKey } : {}),
    },
  });
  await queueIncidentDeclared(tx, {
    incidentId: incident.id,
    severity: input.severity,
    declaredBy: outboundActorOf(actor),
  });
  return incident;
}

/** The optional people, team and change a declaration names exist (and may be used); each refusal names its field. */
async function checkDeclareReferences(tx: Prisma.TransactionClient, actor: Actor, input: DeclareIncidentInput) {
  const fieldErrors: Record<string, string[]> = {};
  const [commander, team, regions, capabilities, suspect] = await Promise.all([
    input.commanderId === undefined
      ? null
      : tx.user.findFirst({ where: { id: input.commanderId, active: true }, select: { id: true } }),
    input.teamId === undefined
      ? null
      : tx.team.findFirst({ where: { id: input.teamId, archivedAt: null }, select: { name: true } }),
    input.regionIds?.length ? tx.region.count({ where: { id: { in: input.regionIds }, archivedAt: null } }) : 0,
    input.capabilityIds?.length
      ? tx.capability.count({ where: { id: { in: input.capabilityIds }, archivedAt: null } })
      : 0,
    input.suspectedChangeId === undefined
      ? null
      : tx.change.findUnique({ where: { id: input.suspectedChangeId }, select: { title: true } }),
  ]);
  if (input.commanderId !== undefined && !commander)
    fieldErrors.commanderId = ["That person is not an active user any more. Pick another commander."];
  if (input.teamId !== undefined && !team) fieldErrors.teamId = ["That team no longer exists. Pick another one."];
  if (regions !== (input.regionIds?.length ?? 0)) fieldErrors.regionIds = ["Pick regions from the list."];
  if (capabilities !== (input.capabilityIds?.length ?? 0))
    fieldErrors.capabilityIds = ["Pick capabilities from the list."];
  if (input.suspectedChangeId !== undefined && !suspect)
    fieldErrors.suspectedChangeId = [
      `There is no change #${input.suspectedChangeId}. Check the number on the Changes page.`,
    ];
  if (input.suspectedChangeId !== undefined) assertCan(actor, "incident:update");
  if (Object.keys(fieldErrors).length > 0) {
    throw new AppError("VALIDATION", "Some details need attention; nothing was declared.", { fieldErrors });
  }
  return { teamName: team?.name ?? null, suspect };
}
