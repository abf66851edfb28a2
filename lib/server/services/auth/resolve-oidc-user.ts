import "server-only";
import type { SsoRefusal } from "@/lib/domain/sign-in-errors";
import type { SessionUser } from "@/lib/server/auth/session-user";
import { getDb } from "@/lib/server/db";
import { writeAudit } from "@/lib/server/services/audit/write-audit";

/** What the identity provider said about the person (from the verified ID token). */
export type OidcIdentity = {
  issuer: string;
  subject: string;
  email: string | null;
  emailVerified: boolean;
  name: string | null;
};

export type OidcResolution =
  { ok: true; user: SessionUser; outcome: "existing" | "linked" | "created" } | { ok: false; refusal: SsoRefusal };

const SELECT = { id: true, email: true, name: true, role: true, level: true, active: true, oidcSubject: true } as const;

/**
 * Finds the Faultline user for a single sign-on, in this order:
 * 1. the user already linked to this (issuer, subject);
 * 2. the active user with the same email, only when the provider verified the address
 *    (an unverified address never takes over an existing account);
 * 3. otherwise a new user with the organisation's default role and level, no password.
 * Linking and creating are audited. Deactivated users are refused.
 */
export async function resolveOidcUser(identity: OidcIdentity): Promise<OidcResolution> {
  const db = getDb();
  const linked = await db.user.findUnique({
    where: { oidcIssuer_oidcSubject: { oidcIssuer: identity.issuer, oidcSubject: identity.subject } },
    select: SELECT,
  });
  if (linked)
    return linked.active
      ? { ok: true, user: toSessionUser(linked), outcome: "existing" }
      : { ok: false, refusal: "SsoDeactivated" };

  const email = identity.email?.trim().toLowerCase();
  if (!email) return { ok: false, refusal: "SsoNoEmail" };

  return db.$transaction(async (tx): Promise<OidcResolution> => {
    const existing = await tx.user.findUnique({ where: { email }, select: SELECT });
    if (existing) {
      if (!existing.active) return { ok: false, refusal: "SsoDeactivated" };
      if (identity.emailVerified !== true) return { ok: false, refusal: "SsoEmailUnverified" };
      if (existing.oidcSubject) return { ok: false, refusal: "SsoAlreadyLinked" };
      await tx.user.update({
        where: { id: existing.id },
        data: { oidcIssuer: identity.issuer, oidcSubject: identity.subject },
      });
      await writeAudit(tx, {
        actorId: existing.id,
        actorLabel: "single sign-on",
        action: "user.sso_linked",
        entityType: "User",
        entityId: existing.id,
        after: { issuer: identity.issuer, subject: identity.subject, email },
      });
      return { ok: true, user: toSessionUser(existing), outcome: "linked" };
    }
    const defaults = await tx.orgSettings.findUnique({
      where: { id: 1 },
      select: { ssoDefaultRole: true, ssoDefaultLevel: true },
    });
    const created = await tx.user.create({
      data: {
        email,
        name: identity.name?.trim() || email.split("@")[0],
        role: defaults?.ssoDefaultRole ?? "ENGINEER",
        level: defaults?.ssoDefaultLevel ?? "MID",
        oidcIssuer: identity.issuer,
        oidcSubject: identity.subject,
      },
      select: SELECT,
    });
    await writeAudit(tx, {
      actorId: created.id,
      actorLabel: "single sign-on",
      action: "user.created_by_sso",
      entityType: "User",
      entityId: created.id,
      after: {
        email,
        name: created.name,
        role: created.role,
        level: created.level,
        issuer: identity.issuer,
        subject: identity.subject,
        emailVerified: identity.emailVerified,
      },
    });
    return { ok: true, user: toSessionUser(created), outcome: "created" };
  });
}

function toSessionUser(user: {
  id: number;
  email: string;
  name: string;
  role: SessionUser["role"];
  level: SessionUser["level"];
}): SessionUser {
  return { id: user.id, email: user.email, name: user.name, role: user.role, level: user.level };
}
