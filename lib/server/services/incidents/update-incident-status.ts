import "server-only";
import { stampsForTransition, type StatusStamps } from "@/lib/domain/incident-lifecycle";
import { STATUS_LABELS } from "@/lib/domain/severity";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { UpdateIncidentStatusInput } from "@/lib/schemas/incident-updates";
import { actorUserId, auditActorOf, outboundActorOf, type Actor } from "@/lib/server/auth/actor";
import type { SessionUser } from "@/lib/server/auth/session-user";
import { getDb } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import { assertCan } from "@/lib/server/permissions";
import { writeAudit } from "@/lib/server/services/audit/write-audit";
import { queueIncidentProgress } from "@/lib/server/services/webhooks/queue-domain-events";
import { updateIncidentAtVersion } from "./incident-version";
import { refreshBlastRadiusLevel } from "./refresh-blast-radius";

/** Moves an incident along its lifecycle, stamping the time and writing a timeline event. */
export async function updateIncidentStatus(options: {
  actor: SessionUser;
  input: UpdateIncidentStatusInput;
}): Promise<void> {
  assertCan(options.actor, "incident:update");
  await getDb().$transaction(async (tx) => {
    await updateIncidentStatusInTx(tx, options.actor, options.input);
  });
}

/**
 * The same use case inside a caller's transaction, so one request can compose several edits.
 * A person or an integration acts; an integration may say when the transition happened at its
 * source (`reported.at`, e.g. when an alert ended; never in the future) and what to keep on the
 * timeline event.
 */
export async function updateIncidentStatusInTx(
  tx: Prisma.TransactionClient,
  actor: Actor,
  input: UpdateIncidentStatusInput,
  reported: { at?: Date; timelineData?: Prisma.InputJsonObject } = {},
): Promise<StatusStamps> {
  assertCan(actor, "incident:update");
  const now = new Date();
  const before = await tx.incident.findUnique({
    where: { id: input.incidentId },
    select: { status: true, mitigatedAt: true, resolvedAt: true, impactStartedAt: true },
  });
  if (!before) throw new AppError("NOT_FOUND", "This incident does not exist (any more).");
  // A reported time lies between the impact's start and now: an alert's endsAt is the
  // sender's word, and a mitigation before the impact began would make a negative duration.
  const reportedMs = reported.at?.getTime() ?? now.getTime();
  const at = new Date(Math.min(now.getTime(), Math.max(before.impactStartedAt.getTime(), reportedMs)));
  if (before.status === input.status) {
    throw new AppError("VALIDATION", `The incident is already ${STATUS_LABELS[input.status].toLowerCase()}.`, {
      fieldErrors: { status: ["Choose a different status."] },
    });
  }
  const stamps = stampsForTransition(before, input.status, at);
  await updateIncidentAtVersion(tx, input.incidentId, input.version, { status: input.status, ...stamps });
  // Mitigation fixes the impact duration, which the blast-radius rule weighs.
  await refreshBlastRadiusLevel(tx, input.incidentId);
  const body = `${STATUS_LABELS[before.status]} → ${STATUS_LABELS[input.status]}${input.note ? `: ${input.note}` : ""}`;
  const event = await tx.timelineEvent.create({
    select: { id: true },
    data: {
      incidentId: input.incidentId,
      kind: "STATUS_CHANGED",
      authorId: actorUserId(actor),
      occurredAt: now,
      body,
      data: { ...reported.timelineData, from: before.status, to: input.status },
    },
  });
  const progress: Array<"incident.mitigated" | "incident.resolved"> = [];
  if (stamps.mitigatedAt && !before.mitigatedAt) progress.push("incident.mitigated");
  if (stamps.resolvedAt && !before.resolvedAt) progress.push("incident.resolved");
  for (const kind of progress)
    await queueIncidentProgress(tx, {
      incidentId: input.incidentId,
      timelineEventId: event.id,
      event: kind,
      changedBy: outboundActorOf(actor),
    });
  await writeAudit(tx, {
    ...auditActorOf(actor),
    action: "incident.status_changed",
    entityType: "Incident",
    entityId: input.incidentId,
    before: {
      status: before.status,
      mitigatedAt: before.mitigatedAt?.toISOString() ?? null,
      resolvedAt: before.resolvedAt?.toISOString() ?? null,
    },
    after: {
      status: input.status,
      mitigatedAt: stamps.mitigatedAt?.toISOString() ?? null,
      resolvedAt: stamps.resolvedAt?.toISOString() ?? null,
    },
  });
  return stamps;
}
