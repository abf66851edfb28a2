import "server-only";
import type { UpdateOrgSettingsInput } from "@/lib/schemas/org-settings";
import type { SessionUser } from "@/lib/server/auth/session-user";
import { getDb } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import { assertCan } from "@/lib/server/permissions";
import { isValidTimeZone } from "@/lib/domain/time-zone";
import { writeAudit } from "@/lib/server/services/audit/write-audit";

/**
 * Saves the organisation settings. A new time zone moves every calendar day, so the daily
 * statistics are rebuilt in the same transaction (docs/decisions/006-dashboard-rollups.md).
 * Password sign-in can only be switched off when single sign-on is configured, or nobody
 * could sign in any more.
 */
export async function updateOrgSettings(options: {
  actor: SessionUser;
  input: UpdateOrgSettingsInput;
  ssoConfigured: boolean;
}): Promise<{ statsRebuilt: boolean }> {
  assertCan(options.actor, "settings:manage");
  const { actor, input } = options;
  if (!isValidTimeZone(input.timeZone)) {
    throw new AppError("VALIDATION", "Choose a time zone from the list.", {
      fieldErrors: { timeZone: ["Choose a time zone from the list (for example Europe/Berlin)."] },
    });
  }
  if (!input.passwordSignInEnabled && !options.ssoConfigured) {
    const message =
      "Password sign-in cannot be switched off while single sign-on is not configured: nobody could sign in. Configure single sign-on first (docs/sso.md).";
    throw new AppError("VALIDATION", message, { fieldErrors: { passwordSignInEnabled: [message] } });
  }
  return getDb().$transaction(async (tx) => {
    const select = {
      name: true,
      timeZone: true,
      passwordSignInEnabled: true,
      ssoDefaultRole: true,
      ssoDefaultLevel: true,
    } as const;
    const before = await tx.orgSettings.upsert({ where: { id: 1 }, create: { id: 1 }, update: {}, select });
    const changed = (Object.keys(select) as (keyof typeof select)[]).filter((key) => before[key] !== input[key]);
    if (changed.length === 0) return { statsRebuilt: false };
    await tx.orgSettings.update({ where: { id: 1 }, data: input });
    const statsRebuilt = before.timeZone !== input.timeZone;
    if (statsRebuilt) await tx.$executeRaw`SELECT faultline_rebuild_stats()`;
    await writeAudit(tx, {
      actorId: actor.id,
      action: "settings.updated",
      entityType: "OrgSettings",
      entityId: 1,
      before: Object.fromEntries(changed.map((key) => [key, before[key]])),
      after: Object.fromEntries(changed.map((key) => [key, input[key]])),
    });
    return { statsRebuilt };
  });
}
