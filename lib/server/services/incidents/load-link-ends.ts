import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/server/errors";

/** Both ends of an incident–change link, or NOT_FOUND naming the missing one. */
export async function loadLinkEnds(tx: Prisma.TransactionClient, input: { incidentId: number; changeId: number }) {
  const incident = await tx.incident.count({ where: { id: input.incidentId } });
  if (!incident) throw new AppError("NOT_FOUND", "This incident does not exist (any more).");
  const change = await tx.change.findUnique({ where: { id: input.changeId }, select: { title: true } });
  if (!change) throw new AppError("NOT_FOUND", "That change does not exist (any more).");
  return change;
}

/** Both ends and the current link between them, or NOT_FOUND. */
export async function loadLink(tx: Prisma.TransactionClient, input: { incidentId: number; changeId: number }) {
  const change = await loadLinkEnds(tx, input);
  const link = await tx.incidentChange.findUnique({ where: { incidentId_changeId: input }, select: { role: true } });
  if (!link) throw new AppError("NOT_FOUND", "That change is not linked to this incident (any more).");
  return { change, link };
}
