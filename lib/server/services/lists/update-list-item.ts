import "server-only";
import { MANAGED_LIST_LABELS, type UpdateListItemInput } from "@/lib/schemas/managed-list";
import type { SessionUser } from "@/lib/server/auth/session-user";
import { getDb } from "@/lib/server/db";
import { isUniqueViolation } from "@/lib/server/db/prisma-errors";
import { AppError } from "@/lib/server/errors";
import { assertCan } from "@/lib/server/permissions";
import { writeAudit } from "@/lib/server/services/audit/write-audit";
import { ENTITY_TYPES, listTable } from "./list-tables";

/** Renames an item (its slug stays, so links and history keep working). */
export async function updateListItem(options: { actor: SessionUser; input: UpdateListItemInput }): Promise<void> {
  assertCan(options.actor, "lists:manage");
  const { actor, input } = options;
  try {
    await getDb().$transaction(async (tx) => {
      const table = listTable(tx, input.list);
      const before = await table.findUnique({ where: { id: input.id } });
      if (!before)
        throw new AppError("NOT_FOUND", `That ${MANAGED_LIST_LABELS[input.list].item} does not exist (any more).`);
      const data: Record<string, unknown> = { name: input.name };
      if (input.list === "aiTools") data.aliases = input.aliases;
      await table.update({ where: { id: input.id }, data });
      await writeAudit(tx, {
        actorId: actor.id,
        action: "list_item.updated",
        entityType: ENTITY_TYPES[input.list],
        entityId: input.id,
        before: { name: before.name, aliases: (before.aliases as string[] | undefined) ?? null },
        after: data as never,
      });
    });
  } catch (error) {
    if (isUniqueViolation(error))
      throw new AppError("CONFLICT", "Another item already has that name.", {
        fieldErrors: { name: ["Already in the list."] },
      });
    throw error;
  }
}
