import "server-only";
import { importedLifecycle, lifecycleOrderErrors } from "@/lib/domain/imported-lifecycle";
import type { Severity } from "@/lib/domain/severity";
import type { Prisma } from "@/lib/generated/prisma/client";
import { actorUserId, auditActorOf, type Actor } from "@/lib/server/auth/actor";
import { getDb } from "@/lib/server/db";
import { isUniqueViolation } from "@/lib/server/db/prisma-errors";
import { AppError } from "@/lib/server/errors";
import { assertCan } from "@/lib/server/permissions";
import { writeAudit } from "@/lib/server/services/audit/write-audit";
import { importedTimeline } from "./imported-timeline";
import { refreshBlastRadiusLevel } from "./refresh-blast-radius";

export type ImportIncidentInput = {
  /** The tool it comes from ("pagerduty", "faultline", …); with externalId it identifies the incident. */
  source: string;
  externalId: string;
  title: string;
  severity: Severity;
  summary?: string;
  impactStartedAt: Date;
  detectedAt?: Date | null;
  mitigatedAt?: Date | null;
  resolvedAt?: Date | null;
  reviewCompletedAt?: Date | null;
  serviceIds: number[];
};

export type ImportOutcome = { id: number; outcome: "created" | "updated" | "unchanged" };

/** One incident from another tool's history, with its own times; idempotent by source + external id. */
export async function importIncident(options: { actor: Actor; input: ImportIncidentInput }): Promise<ImportOutcome> {
  const run = () => getDb().$transaction((tx) => importIncidentInTx(tx, options.actor, options.input));
  try {
    return await run();
  } catch (error) {
    // The same incident imported twice at once: the unique index let one in; the other finds it now.
    if (isUniqueViolation(error)) return run();
    throw error;
  }
}

/** The transaction-level step, for importing many incidents all-or-nothing (the CSV import). */
export async function importIncidentInTx(
  tx: Prisma.TransactionClient,
  actor: Actor,
  input: ImportIncidentInput,
): Promise<ImportOutcome> {
  assertCan(actor, "incident:declare");
  const errors = lifecycleOrderErrors(input);
  if (Object.keys(errors).length)
    throw new AppError("VALIDATION", "The incident's times are out of order; nothing was saved.", {
      fieldErrors: errors,
    });
  const serviceIds = [...new Set(input.serviceIds)];
  const found = await tx.service.count({ where: { id: { in: serviceIds }, archivedAt: null } });
  if (found !== serviceIds.length)
    throw new AppError("VALIDATION", "One of the services does not exist (or is archived).", {
      fieldErrors: { services: ["Name existing services."] },
    });

  const life = importedLifecycle(input);
  const fields = {
    title: input.title,
    summary: input.summary ?? "",
    severity: input.severity,
    status: life.status,
    impactStartedAt: input.impactStartedAt,
    detectedAt: life.detectedAt,
    mitigatedAt: life.mitigatedAt,
    resolvedAt: life.resolvedAt,
    reviewCompletedAt: input.reviewCompletedAt ?? null,
    reviewStatus: input.reviewCompletedAt ? ("COMPLETE" as const) : ("NOT_STARTED" as const),
  };
  const personId = actorUserId(actor);
  const timeline = importedTimeline({ source: input.source, personId, ...fields });
  const after = { source: input.source, externalId: input.externalId, ...jsonOf(fields), serviceIds };

  // Imports of the same incident queue here, so the second finds the first's row (inside the
  // API's idempotency transaction a unique violation could not be retried).
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('incident-import'), hashtext(${input.source}::text || ':' || ${input.externalId}::text))`;
  const existing = await tx.incident.findUnique({
    where: { source_externalKey: { source: input.source, externalKey: input.externalId } },
    select: { id: true, ...selectOf(fields), services: { select: { serviceId: true } } },
  });
  if (existing) {
    const { id, services, ...stored } = existing;
    const sameServices = sameSet(
      services.map((s) => s.serviceId),
      serviceIds,
    );
    if (sameServices && JSON.stringify(jsonOf(stored)) === JSON.stringify(jsonOf(fields)))
      return { id, outcome: "unchanged" };
    await tx.incident.update({
      where: { id },
      data: {
        ...fields,
        version: { increment: 1 },
        services: { deleteMany: {}, create: serviceIds.map((serviceId) => ({ serviceId })) },
        timeline: { deleteMany: { data: { path: ["imported"], equals: true } }, create: timeline },
      },
    });
    await finish(tx, id);
    await writeAudit(tx, {
      ...auditActorOf(actor),
      action: "incident.import_updated",
      entityType: "Incident",
      entityId: id,
      before: jsonOf(stored),
      after,
    });
    return { id, outcome: "updated" };
  }
  const created = await tx.incident.create({
    data: {
      ...fields,
      source: input.source,
      externalKey: input.externalId,
      commanderId: personId,
      declaredById: personId,
      services: { create: serviceIds.map((serviceId) => ({ serviceId })) },
      timeline: { create: timeline },
    },
    select: { id: true },
  });
  await finish(tx, created.id);
  await writeAudit(tx, {
    ...auditActorOf(actor),
    action: "incident.imported",
    entityType: "Incident",
    entityId: created.id,
    after,
  });
  return { id: created.id, outcome: "created" };
}

// The daily statistics follow by themselves (the database's triggers, prisma/definitions.sql),
// the day the incident left included when an import moves its impact start.
async function finish(tx: Prisma.TransactionClient, id: number) {
  await refreshBlastRadiusLevel(tx, id);
}

function selectOf<T extends object>(fields: T): { [K in keyof T]: true } {
  return Object.fromEntries(Object.keys(fields).map((key) => [key, true])) as { [K in keyof T]: true };
}

function jsonOf(fields: object): Record<string, string | null> {
  return Object.fromEntries(
    Object.entries(fields)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([key, value]) => [
        key,
        value instanceof Date ? value.toISOString() : value === null ? null : String(value),
      ]),
  );
}

function sameSet(a: number[], b: number[]): boolean {
  return a.length === b.length && a.every((value) => b.includes(value));
}
