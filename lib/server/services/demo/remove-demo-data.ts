import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { auditActorOf, personOf, type Actor } from "@/lib/server/auth/actor";
import { getDb } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import { assertCan } from "@/lib/server/permissions";
import { writeAudit } from "@/lib/server/services/audit/write-audit";

export type DemoRemoval = {
  incidents: number;
  changes: number;
  users: number;
  /** Demo people still named by real rows (a real incident's commander, …): deactivated instead. */
  usersDeactivated: number;
  auditRows: number;
};

/**
 * Deletes the demo organisation's incidents, changes (with their links, timelines, approval
 * decisions), people and the audit rows about them, in one transaction; the database's triggers
 * take the deleted rows off the daily statistics. Real rows stay; links between a real incident and a demo change go with
 * the demo change. The removal itself is audited ("demo.removed"), and that row is permanent.
 */
export async function removeDemoData(options: { actor: Actor }): Promise<DemoRemoval> {
  assertCan(options.actor, "settings:manage");
  const { actor } = options;
  return getDb().$transaction(
    async (tx) => {
      if (personOf(actor) && (await tx.user.count({ where: { id: personOf(actor)!.id, demo: true } })))
        throw new AppError(
          "FORBIDDEN",
          "You are signed in with a demo account, which this would remove. Sign in as a real admin " +
            "(create one with `npx faultline admin create`) and remove the demo data from there.",
        );
      // The audit trigger deletes only rows about demo rows, and only while this is set.
      await tx.$executeRaw`SELECT set_config('faultline.audit_purge', 'demo', true)`;
      const auditRows = await tx.$executeRaw`
        DELETE FROM "AuditLog" a
        WHERE a."action" <> 'demo.removed' AND (
          a."actorId" IN (SELECT "id" FROM "User" WHERE "demo")
          OR (a."entityType" = 'Incident' AND a."entityId" IN (SELECT "id"::text FROM "Incident" WHERE "demo"))
          OR (a."entityType" = 'Change' AND a."entityId" IN (SELECT "id"::text FROM "Change" WHERE "demo"))
          OR (a."entityType" = 'User' AND a."entityId" IN (SELECT "id"::text FROM "User" WHERE "demo")))`;
      await tx.$executeRaw`SELECT set_config('faultline.audit_purge', '', true)`;

      const incidents = await tx.incident.deleteMany({ where: { demo: true } });
      const changes = await tx.change.deleteMany({ where: { demo: true } });
      const { deleted, deactivated } = await removeDemoUsers(tx);

      const result: DemoRemoval = {
        incidents: incidents.count,
        changes: changes.count,
        users: deleted,
        usersDeactivated: deactivated,
        auditRows,
      };
      await writeAudit(tx, {
        ...auditActorOf(options.actor),
        action: "demo.removed",
        entityType: "Organisation",
        entityId: 1,
        after: result,
      });
      return result;
    },
    { timeout: 300_000 },
  );
}

/**
 * Deletes demo people nothing real points at. Which columns point at a person is read from
 * the database's own foreign keys, so a table added later cannot be forgotten here. Cascading
 * ones (sessions, notifications) go with the person; a SET NULL one still counts, since
 * deleting would blank a real row (a real incident's commander). The rest are deactivated,
 * without a password.
 */
async function removeDemoUsers(tx: Prisma.TransactionClient): Promise<{ deleted: number; deactivated: number }> {
  const references = await tx.$queryRaw<{ tbl: string; col: string }[]>`
    SELECT c.conrelid::regclass::text AS tbl, quote_ident(a.attname) AS col
    FROM pg_constraint c
    JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = ANY (c.conkey)
    WHERE c.contype = 'f' AND c.confrelid = '"User"'::regclass AND c.confdeltype <> 'c'`;
  const unreferenced = references
    .map((ref) => `NOT EXISTS (SELECT 1 FROM ${ref.tbl} r WHERE r.${ref.col} = u."id")`)
    .join(" AND ");
  // Identifiers come from pg_catalog (quoted by PostgreSQL itself), not from input.
  const deleted = await tx.$executeRawUnsafe(
    `DELETE FROM "User" u WHERE u."demo"${unreferenced ? ` AND ${unreferenced}` : ""}`,
  );
  const deactivated = await tx.user.updateMany({
    where: { demo: true },
    data: { active: false, deactivatedAt: new Date(), passwordHash: null },
  });
  return { deleted, deactivated: deactivated.count };
}
