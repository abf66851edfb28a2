import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/server/errors";

/** A service may only be put in an existing, non-archived team; the team row is locked against a concurrent archive. */
export async function assertOpenTeam(tx: Prisma.TransactionClient, teamId: number): Promise<void> {
  const [team] = await tx.$queryRaw<
    Array<{ archivedAt: Date | null }>
  >`SELECT "archivedAt" FROM "Team" WHERE id = ${teamId} FOR SHARE`;
  if (!team || team.archivedAt) {
    throw new AppError("VALIDATION", "Pick a team from the list (archived teams take no services).", {
      fieldErrors: { teamId: ["Pick a team from the list."] },
    });
  }
}

export const SERVICE_EXISTS =
  "A service with this name already exists (perhaps archived): unarchive or rename that one.";
