import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { UpdateAlertmanagerConfigInput, UpdateGithubConfigInput } from "@/lib/schemas/integration";
import type { SessionUser } from "@/lib/server/auth/session-user";
import { getDb } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import { assertCan } from "@/lib/server/permissions";
import { writeAudit } from "@/lib/server/services/audit/write-audit";
import { sealSecret } from "@/lib/server/crypto/secret-box";
import { newIntegrationSecret } from "./webhook-auth";

type Tx = Prisma.TransactionClient;

async function loadForUpdate(tx: Tx, integrationId: number, kind?: "GITHUB" | "ALERTMANAGER") {
  const row = await tx.integration.findUnique({
    where: { id: integrationId },
    select: { id: true, kind: true, name: true, config: true, active: true },
  });
  if (!row || (kind && row.kind !== kind))
    throw new AppError("NOT_FOUND", "This integration does not exist (any more). Reload the page.");
  return row;
}

/** Every slug an admin maps to must name an active service; unknown ones are listed by field. */
async function checkSlugs(tx: Tx, fields: Record<string, string[]>) {
  const all = [...new Set(Object.values(fields).flat())];
  const known = new Set(
    (await tx.service.findMany({ where: { slug: { in: all }, archivedAt: null }, select: { slug: true } })).map(
      (service) => service.slug,
    ),
  );
  const fieldErrors: Record<string, string[]> = {};
  for (const [field, slugs] of Object.entries(fields)) {
    const unknown = [...new Set(slugs.filter((slug) => !known.has(slug)))];
    if (unknown.length)
      fieldErrors[field] = [
        `No active service with the slug ${unknown.map((slug) => `"${slug}"`).join(", ")}: use the slugs listed under Admin → Teams & services.`,
      ];
  }
  if (Object.keys(fieldErrors).length)
    throw new AppError("VALIDATION", "Some services in the mapping do not exist.", { fieldErrors });
}

export async function updateIntegrationConfig(options: {
  actor: SessionUser;
  input: UpdateGithubConfigInput | UpdateAlertmanagerConfigInput;
  kind: "GITHUB" | "ALERTMANAGER";
}): Promise<void> {
  assertCan(options.actor, "integrations:manage");
  const { actor, input, kind } = options;
  const { integrationId, ...fields } = input;
  const { statusToken, clearStatusToken, ...config } = {
    statusToken: undefined,
    clearStatusToken: false,
    ...fields,
  } as typeof fields & { statusToken?: string; clearStatusToken?: boolean };
  const tokenChange =
    statusToken !== undefined
      ? { statusToken: sealSecret(statusToken) }
      : clearStatusToken
        ? { statusToken: null }
        : {};
  await getDb().$transaction(async (tx) => {
    const before = await loadForUpdate(tx, integrationId, kind);
    await checkSlugs(tx, {
      [kind === "GITHUB" ? "repositories" : "services"]: Object.values(
        "repositories" in config ? config.repositories : config.services,
      ),
      defaultService: config.defaultService ? [config.defaultService] : [],
    });
    await tx.integration.update({ where: { id: integrationId }, data: { config, ...tokenChange } });
    await writeAudit(tx, {
      actorId: actor.id,
      action: "integration.config_updated",
      entityType: "Integration",
      entityId: integrationId,
      before: before.config ?? {},
      // The token itself never reaches the audit log: only that it was set or removed.
      after:
        "statusToken" in tokenChange ? { ...config, statusToken: tokenChange.statusToken ? "set" : "removed" } : config,
    });
  });
}

export async function rotateIntegrationSecret(options: {
  actor: SessionUser;
  integrationId: number;
}): Promise<{ secret: string }> {
  assertCan(options.actor, "integrations:manage");
  const secret = newIntegrationSecret();
  await getDb().$transaction(async (tx) => {
    await loadForUpdate(tx, options.integrationId);
    await tx.integration.update({ where: { id: options.integrationId }, data: { secret } });
    await writeAudit(tx, {
      actorId: options.actor.id,
      action: "integration.secret_rotated",
      entityType: "Integration",
      entityId: options.integrationId,
    });
  });
  return { secret };
}

export async function setIntegrationActive(options: {
  actor: SessionUser;
  integrationId: number;
  active: boolean;
}): Promise<void> {
  assertCan(options.actor, "integrations:manage");
  await getDb().$transaction(async (tx) => {
    const before = await loadForUpdate(tx, options.integrationId);
    if (before.active === options.active) return;
    await tx.integration.update({ where: { id: options.integrationId }, data: { active: options.active } });
    await writeAudit(tx, {
      actorId: options.actor.id,
      action: options.active ? "integration.activated" : "integration.deactivated",
      entityType: "Integration",
      entityId: options.integrationId,
      before: { active: before.active },
      after: { active: options.active },
    });
  });
}
