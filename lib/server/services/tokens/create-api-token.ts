import "server-only";
import type { CreateApiTokenInput } from "@/lib/schemas/api-token";
import { auditActorOf, personOf, type Actor } from "@/lib/server/auth/actor";
import { newApiToken } from "@/lib/server/auth/api-token";
import { getDb } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import { assertCan } from "@/lib/server/permissions";
import { writeAudit } from "@/lib/server/services/audit/write-audit";

/**
 * Returns the token once; only its hash is stored. A token acts for the person who owns it:
 * the admin creating it in the app, or — from the command line — the active person named
 * by `ownerEmail`.
 */
export async function createApiToken(options: {
  actor: Actor;
  input: CreateApiTokenInput;
  ownerEmail?: string;
  expiresAt?: Date | null;
}): Promise<{ id: number; token: string; ownerId: number }> {
  const { actor, input } = options;
  // A token acts as its owner: a senior approving from scripts needs a token of their own, so
  // anyone may create one for themselves whose only scope is `approve`; everything else is for admins.
  const approveOnly = input.scopes.length > 0 && input.scopes.every((scope) => scope === "approve");
  if (!approveOnly || options.ownerEmail !== undefined) assertCan(actor, "settings:manage");
  const expiresAt = options.expiresAt ?? null;
  if (expiresAt && expiresAt.getTime() <= Date.now())
    throw new AppError("VALIDATION", "The expiry must lie in the future.", {
      fieldErrors: { expiresAt: ["Pick a later date."] },
    });
  const { token, hash, prefix } = newApiToken();
  return getDb().$transaction(async (tx) => {
    let ownerId: number;
    if (options.ownerEmail !== undefined) {
      const owner = await tx.user.findUnique({
        where: { email: options.ownerEmail.trim().toLowerCase() },
        select: { id: true, active: true },
      });
      if (!owner || !owner.active)
        throw new AppError("NOT_FOUND", `No active user with the email ${options.ownerEmail}.`, {
          fieldErrors: { user: ["Name an active user (create one with `faultline admin create`)."] },
        });
      ownerId = owner.id;
    } else if (!personOf(actor)) {
      throw new AppError("VALIDATION", "Name the user the token acts for.", { fieldErrors: { user: ["Required."] } });
    } else ownerId = personOf(actor)!.id;

    const row = await tx.apiToken.create({
      data: { name: input.name, scopes: input.scopes, tokenHash: hash, prefix, createdById: ownerId, expiresAt },
      select: { id: true },
    });
    await writeAudit(tx, {
      ...auditActorOf(actor),
      action: "api_token.created",
      entityType: "ApiToken",
      entityId: row.id,
      after: { name: input.name, scopes: input.scopes, prefix, ownerId, expiresAt: expiresAt?.toISOString() ?? null },
    });
    return { id: row.id, token, ownerId };
  });
}
