import "server-only";
import type { RevokeApiTokenInput } from "@/lib/schemas/api-token";
import type { SessionUser } from "@/lib/server/auth/session-user";
import { getDb } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import { assertCan } from "@/lib/server/permissions";
import { writeAudit } from "@/lib/server/services/audit/write-audit";

export async function revokeApiToken(options: { actor: SessionUser; input: RevokeApiTokenInput }): Promise<void> {
  assertCan(options.actor, "settings:manage");
  const { actor, input } = options;
  await getDb().$transaction(async (tx) => {
    const token = await tx.apiToken.findUnique({
      where: { id: input.tokenId },
      select: { name: true, revokedAt: true },
    });
    if (!token) throw new AppError("NOT_FOUND", "This token does not exist (any more).");
    if (token.revokedAt) return;
    await tx.apiToken.update({ where: { id: input.tokenId }, data: { revokedAt: new Date() } });
    await writeAudit(tx, {
      actorId: actor.id,
      action: "api_token.revoked",
      entityType: "ApiToken",
      entityId: input.tokenId,
      after: { name: token.name },
    });
  });
}
