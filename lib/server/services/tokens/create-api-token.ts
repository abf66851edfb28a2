import "server-only";
import type { CreateApiTokenInput } from "@/lib/schemas/api-token";
import { newApiToken } from "@/lib/server/auth/api-token";
import type { SessionUser } from "@/lib/server/auth/session-user";
import { getDb } from "@/lib/server/db";
import { assertCan } from "@/lib/server/permissions";
import { writeAudit } from "@/lib/server/services/audit/write-audit";

/** Returns the token once; only its hash is stored. */
export async function createApiToken(options: {
  actor: SessionUser;
  input: CreateApiTokenInput;
}): Promise<{ id: number; token: string }> {
  const { actor, input } = options;
  // A token acts as its creator: a senior approving from scripts needs a token of their own,
  // so anyone may create one whose only scope is `approve`; every other scope is for admins.
  if (!(input.scopes.length > 0 && input.scopes.every((scope) => scope === "approve")))
    assertCan(actor, "settings:manage");
  const { token, hash, prefix } = newApiToken();
  return getDb().$transaction(async (tx) => {
    const row = await tx.apiToken.create({
      data: { name: input.name, scopes: input.scopes, tokenHash: hash, prefix, createdById: actor.id },
      select: { id: true },
    });
    await writeAudit(tx, {
      actorId: actor.id,
      action: "api_token.created",
      entityType: "ApiToken",
      entityId: row.id,
      after: { name: input.name, scopes: input.scopes, prefix },
    });
    return { id: row.id, token };
  });
}
