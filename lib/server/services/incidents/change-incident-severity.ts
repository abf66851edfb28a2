import "server-only";
import { SEVERITY_INFO } from "@/lib/domain/severity";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ChangeIncidentSeverityInput } from "@/lib/schemas/incident-updates";
import { actorUserId, auditActorOf, outboundActorOf, type Actor } from "@/lib/server/auth/actor";
import type { SessionUser } from "@/lib/server/auth/session-user";
import { getDb } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import { assertCan } from "@/lib/server/permissions";
import { writeAudit } from "@/lib/server/services/audit/write-audit";
import { queueSeverityRaised } from "@/lib/server/services/webhooks/queue-domain-events";
import { updateIncidentAtVersion } from "./incident-version";

/** Raises or lowers the severity; who and why land on the timeline and in the audit log. */
export async function changeIncidentSeverity(options: {
  actor: SessionUser;
  input: ChangeIncidentSeverityInput;
}): Promise<void> {
  assertCan(options.actor, "incident:update");
  await getDb().$transaction((tx) => changeIncidentSeverityInTx(tx, options.actor, options.input));
}

/** The same use case inside a caller's transaction, so one request can compose several edits; a person or an integration acts. */
export async function changeIncidentSeverityInTx(
  tx: Prisma.TransactionClient,
  actor: Actor,
  input: ChangeIncidentSeverityInput,
): Promise<void> {
  assertCan(actor, "incident:update");
  const before = await tx.incident.findUnique({ where: { id: input.incidentId }, select: { severity: true } });
  if (!before) throw new AppError("NOT_FOUND", "This incident does not exist (any more).");
  if (before.severity === input.severity) {
    throw new AppError("VALIDATION", `The incident is already ${SEVERITY_INFO[input.severity].label}.`, {
      fieldErrors: { severity: ["Choose a different severity."] },
    });
  }
  await updateIncidentAtVersion(tx, input.incidentId, input.version, { severity: input.severity });
  const direction = input.severity < before.severity ? "raised" : "lowered";
  const timelineEvent = await tx.timelineEvent.create({
    data: {
      incidentId: input.incidentId,
      kind: "SEVERITY_CHANGED",
      authorId: actorUserId(actor),
      body: `Severity ${direction} from ${SEVERITY_INFO[before.severity].label} to ${SEVERITY_INFO[input.severity].label}: ${input.reason}`,
      data: { from: before.severity, to: input.severity, reason: input.reason },
    },
    select: { id: true },
  });
  await writeAudit(tx, {
    ...auditActorOf(actor),
    action: "incident.severity_changed",
    entityType: "Incident",
    entityId: input.incidentId,
    before: { severity: before.severity },
    after: { severity: input.severity, reason: input.reason },
  });
  await queueSeverityRaised(tx, {
    incidentId: input.incidentId,
    timelineEventId: timelineEvent.id,
    from: before.severity,
    to: input.severity,
    reason: input.reason,
    changedBy: outboundActorOf(actor),
  });
}
