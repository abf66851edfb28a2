import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { AddTimelineNoteInput } from "@/lib/schemas/incident-updates";
import { actorUserId, auditActorOf, type Actor } from "@/lib/server/auth/actor";
import type { SessionUser } from "@/lib/server/auth/session-user";
import { getDb } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import { assertCan } from "@/lib/server/permissions";
import { writeAudit } from "@/lib/server/services/audit/write-audit";

/** Responders' notes are appended, so they never conflict with other edits (no version check). */
export async function addTimelineNote(options: {
  actor: SessionUser;
  input: AddTimelineNoteInput;
}): Promise<{ id: number }> {
  assertCan(options.actor, "incident:update");
  return getDb().$transaction((tx) => addTimelineNoteInTx(tx, options.actor, options.input));
}

/**
 * The same use case inside a caller's transaction (an idempotent API request is one
 * transaction); a person or an integration writes it. `data` is kept with the timeline entry
 * (an integration's machine-readable details, e.g. the alert fingerprints it noted).
 */
export async function addTimelineNoteInTx(
  tx: Prisma.TransactionClient,
  actor: Actor,
  input: AddTimelineNoteInput,
  options: { data?: Prisma.InputJsonObject } = {},
): Promise<{ id: number }> {
  assertCan(actor, "incident:update");
  const exists = await tx.incident.count({ where: { id: input.incidentId } });
  if (!exists) throw new AppError("NOT_FOUND", "This incident does not exist (any more).");
  const event = await tx.timelineEvent.create({
    data: {
      incidentId: input.incidentId,
      kind: "NOTE",
      authorId: actorUserId(actor),
      body: input.body,
      data: options.data,
    },
    select: { id: true },
  });
  await writeAudit(tx, {
    ...auditActorOf(actor),
    action: "incident.note_added",
    entityType: "Incident",
    entityId: input.incidentId,
    after: { timelineEventId: event.id, body: input.body },
  });
  return event;
}
