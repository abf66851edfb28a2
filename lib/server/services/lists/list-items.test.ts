import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "@/lib/server/auth/session-user";
import { createTestUser } from "@/lib/server/testing/factories";
import { useTestDatabase, type TestDatabase } from "@/lib/server/testing/test-database";
import { archiveListItem } from "./archive-list-item";
import { createListItem } from "./create-list-item";
import { updateListItem } from "./update-list-item";

let database: TestDatabase;
let admin: SessionUser;
beforeAll(async () => {
  database = await useTestDatabase();
  admin = await createTestUser(database.connection.prisma, { role: "ADMIN", level: "SENIOR" });
});
afterAll(() => database.dispose());

describe("managed lists", () => {
  it("lets admins add, rename and archive items, with audit rows", async () => {
    const db = database.connection.prisma;
    const { id } = await createListItem({
      actor: admin,
      input: {
        list: "factors",
        name: "Novel Gen-AI usage without established safeguards",
        code: undefined,
        aliases: [],
      },
    });
    await updateListItem({ actor: admin, input: { list: "factors", id, name: "Novel Gen-AI usage", aliases: [] } });
    await archiveListItem({ actor: admin, input: { list: "factors", id, archived: true } });
    const factor = await db.contributingFactor.findUniqueOrThrow({ where: { id } });
    expect(factor).toMatchObject({
      name: "Novel Gen-AI usage",
      slug: "novel-gen-ai-usage-without-established-safeguards",
    });
    expect(factor.archivedAt).not.toBeNull();
    const actions = (
      await db.auditLog.findMany({
        where: { entityType: "ContributingFactor", entityId: String(id) },
        orderBy: { id: "asc" },
      })
    ).map((a) => a.action);
    expect(actions).toEqual(["list_item.created", "list_item.updated", "list_item.archived"]);
  });

  it("keeps aliases for AI tools and codes for regions", async () => {
    const db = database.connection.prisma;
    const tool = await createListItem({
      actor: admin,
      input: { list: "aiTools", name: "Windsurf", code: undefined, aliases: ["windsurf", "codeium"] },
    });
    expect((await db.aiTool.findUniqueOrThrow({ where: { id: tool.id } })).aliases).toEqual(["windsurf", "codeium"]);
    await expect(
      createListItem({ actor: admin, input: { list: "regions", name: "Mars", code: undefined, aliases: [] } }),
    ).rejects.toMatchObject({ code: "VALIDATION" });
    const region = await createListItem({
      actor: admin,
      input: { list: "regions", name: "Mars Base", code: "mars-1", aliases: [] },
    });
    expect(await db.region.findUniqueOrThrow({ where: { id: region.id } })).toMatchObject({
      code: "mars-1",
      name: "Mars Base",
    });
  });

  it("answers a duplicate with a conflict, not a database error", async () => {
    await createListItem({
      actor: admin,
      input: { list: "capabilities", name: "checkout", code: undefined, aliases: [] },
    });
    await expect(
      createListItem({ actor: admin, input: { list: "capabilities", name: "Checkout", code: undefined, aliases: [] } }),
    ).rejects.toMatchObject({ code: "CONFLICT", status: 409 });
  });

  it.each(["ENGINEER", "MANAGER"] as const)("refuses a %s", async (role) => {
    const actor = await createTestUser(database.connection.prisma, { role, level: "SENIOR" });
    await expect(
      createListItem({ actor, input: { list: "capabilities", name: "payments", code: undefined, aliases: [] } }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      archiveListItem({ actor, input: { list: "capabilities", id: 1, archived: true } }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
