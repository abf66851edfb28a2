import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/server/errors";

/** New assignments go to existing, non-archived teams only (null = no team). */
export async function assertUsableTeam(
  tx: Prisma.TransactionClient,
  teamId: number | null,
  keepTeamId?: number | null,
): Promise<void> {
  if (teamId === null || teamId === keepTeamId) return;
  const team = await tx.team.findUnique({ where: { id: teamId }, select: { archivedAt: true } });
  if (!team || team.archivedAt) {
    throw new AppError("VALIDATION", "Pick a team from the list (archived teams take no new members).", {
      fieldErrors: { teamId: ["Pick a team from the list."] },
    });
  }
}
