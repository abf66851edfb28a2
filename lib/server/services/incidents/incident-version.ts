import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/server/errors";

export const STALE_INCIDENT_MESSAGE =
  "Someone changed this incident since you opened it, so your edit was not saved. " +
  "Reload to see their change; what you typed is still in the form.";

/**
 * Optimistic lock: applies `data` only if the incident is still at `version`, and moves
 * it to the next version. Throws NOT_FOUND or STALE otherwise. Call inside a transaction.
 */
export async function updateIncidentAtVersion(
  tx: Prisma.TransactionClient,
  incidentId: number,
  version: number,
  data: Prisma.IncidentUncheckedUpdateManyInput = {},
): Promise<void> {
  const { count } = await tx.incident.updateMany({
    where: { id: incidentId, version },
    data: { ...data, version: { increment: 1 } },
  });
  if (count === 1) return;
  const exists = await tx.incident.count({ where: { id: incidentId } });
  if (!exists) throw new AppError("NOT_FOUND", "This incident does not exist (any more).");
  throw new AppError("STALE", STALE_INCIDENT_MESSAGE);
}
