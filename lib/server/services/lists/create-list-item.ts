import "server-only";
import { MANAGED_LIST_LABELS, slugify, type CreateListItemInput } from "@/lib/schemas/managed-list";
import type { SessionUser } from "@/lib/server/auth/session-user";
import { getDb } from "@/lib/server/db";
import { isUniqueViolation } from "@/lib/server/db/prisma-errors";
import { AppError } from "@/lib/server/errors";
import { assertCan } from "@/lib/server/permissions";
import { writeAudit } from "@/lib/server/services/audit/write-audit";
import { ENTITY_TYPES, listTable } from "./list-tables";

export async function createListItem(options: {
  actor: SessionUser;
  input: CreateListItemInput;
}): Promise<{ id: number }> {
  assertCan(options.actor, "lists:manage");
  const { actor, input } = options;
  if (input.list === "regions" && !input.code) {
    throw new AppError("VALIDATION", "A region needs a code.", {
      fieldErrors: { code: ["Enter the region code, e.g. eu-west-1."] },
    });
  }
  const data: Record<string, unknown> =
    input.list === "regions" ? { code: input.code, name: input.name } : { name: input.name, slug: slugify(input.name) };
  if (input.list === "aiTools") data.aliases = input.aliases;
  try {
    return await getDb().$transaction(async (tx) => {
      const item = await listTable(tx, input.list).create({ data, select: { id: true } });
      await writeAudit(tx, {
        actorId: actor.id,
        action: "list_item.created",
        entityType: ENTITY_TYPES[input.list],
        entityId: item.id,
        after: data as never,
      });
      return item;
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new AppError(
        "CONFLICT",
        `That ${MANAGED_LIST_LABELS[input.list].item} already exists (perhaps archived).`,
        { fieldErrors: { name: ["Already in the list."] } },
      );
    }
    throw error;
  }
}
