import "server-only";
import { MANAGED_LIST_LABELS, type ArchiveListItemInput } from "@/lib/schemas/managed-list";
import type { SessionUser } from "@/lib/server/auth/session-user";
import { getDb } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import { assertCan } from "@/lib/server/permissions";
import { writeAudit } from "@/lib/server/services/audit/write-audit";
import { ENTITY_TYPES, listTable } from "./list-tables";

/** Archived items disappear from pickers; incidents and changes that used them keep them. */
export async function archiveListItem(options: { actor: SessionUser; input: ArchiveListItemInput }): Promise<void> {
  assertCan(options.actor, "lists:manage");
  const { actor, input } = options;
  await getDb().$transaction(async (tx) => {
    const table = listTable(tx, input.list);
    const before = await table.findUnique({ where: { id: input.id } });
    if (!before)
      throw new AppError("NOT_FOUND", `That ${MANAGED_LIST_LABELS[input.list].item} does not exist (any more).`);
    const archivedAt = input.archived ? (before.archivedAt ?? new Date()) : null;
    await table.update({ where: { id: input.id }, data: { archivedAt } });
    await writeAudit(tx, {
      actorId: actor.id,
      action: input.archived ? "list_item.archived" : "list_item.restored",
      entityType: ENTITY_TYPES[input.list],
      entityId: input.id,
      before: { archivedAt: before.archivedAt?.toISOString() ?? null },
      after: { archivedAt: archivedAt?.toISOString() ?? null },
    });
  });
}
