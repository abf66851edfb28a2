// The permission matrix of every admin action: engineers and managers get 403 (FORBIDDEN)
// and nothing is written; admins succeed. Each call runs against a real database.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Role } from "@/lib/generated/prisma/enums";
import type { SessionUser } from "@/lib/server/auth/session-user";
import type { Db } from "@/lib/server/db/connection";
import { exportAuditCsv } from "@/lib/server/queries/audit/export-audit-csv";
import { updateApprovalPolicy } from "@/lib/server/services/approvals/update-approval-policy";
import { archiveListItem } from "@/lib/server/services/lists/archive-list-item";
import { createListItem } from "@/lib/server/services/lists/create-list-item";
import { updateListItem } from "@/lib/server/services/lists/update-list-item";
import { createService } from "@/lib/server/services/teams/create-service";
import { createTeam } from "@/lib/server/services/teams/create-team";
import { renameTeam } from "@/lib/server/services/teams/rename-team";
import { setServiceArchived } from "@/lib/server/services/teams/set-service-archived";
import { setTeamArchived } from "@/lib/server/services/teams/set-team-archived";
import { updateService } from "@/lib/server/services/teams/update-service";
import { createApiToken } from "@/lib/server/services/tokens/create-api-token";
import { revokeApiToken } from "@/lib/server/services/tokens/revoke-api-token";
import { createUser } from "@/lib/server/services/users/create-user";
import { setUserActive } from "@/lib/server/services/users/set-user-active";
import { updateUser } from "@/lib/server/services/users/update-user";
import { createTestUser } from "@/lib/server/testing/factories";
import { useTestDatabase, type TestDatabase } from "@/lib/server/testing/test-database";

let database: TestDatabase;
let db: Db;
const actors = {} as Record<Role, SessionUser>;
let seq = 0;
const next = () => `${++seq}`;

beforeAll(async () => {
  database = await useTestDatabase();
  db = database.connection.prisma;
  for (const role of ["ENGINEER", "MANAGER", "ADMIN"] as const)
    actors[role] = await createTestUser(db, { role, level: "SENIOR" });
});
afterAll(() => database.dispose());

/** Each action builds its own fresh target rows (as an admin would have), then runs as `actor`. */
type Action = { name: string; run: (actor: SessionUser) => Promise<unknown> };

const admin = () => actors.ADMIN;
const team = async () => (await createTeam({ actor: admin(), input: { name: `Team ${next()}` } })).id;
const service = async () =>
  (await createService({ actor: admin(), input: { name: `svc-${next()}`, teamId: await team(), tier: "INTERNAL" } }))
    .id;
const person = async () => (await createTestUser(db, { role: "ENGINEER", level: "JUNIOR" })).id;
const factor = async () =>
  (
    await createListItem({
      actor: admin(),
      input: { list: "factors", name: `Factor ${next()}`, code: undefined, aliases: [] },
    })
  ).id;
const token = async () =>
  (await createApiToken({ actor: admin(), input: { name: `Token ${next()}`, scopes: ["read"] } })).id;

const ACTIONS: Action[] = [
  {
    name: "users: create",
    run: (actor) =>
      createUser({
        actor,
        input: {
          name: "New Person",
          email: `new-${next()}@example.test`,
          role: "ENGINEER",
          level: "MID",
          teamId: null,
          password: "twelve chars long",
        },
      }),
  },
  {
    name: "users: change role/level/team/name",
    run: async (actor) =>
      updateUser({
        actor,
        input: { userId: await person(), name: "Renamed", role: "MANAGER", level: "SENIOR", teamId: null },
      }),
  },
  {
    name: "users: deactivate",
    run: async (actor) => setUserActive({ actor, input: { userId: await person(), active: false } }),
  },
  {
    name: "users: reactivate",
    run: async (actor) => {
      const id = await person();
      await setUserActive({ actor: admin(), input: { userId: id, active: false } });
      return setUserActive({ actor, input: { userId: id, active: true } });
    },
  },
  { name: "teams: create", run: (actor) => createTeam({ actor, input: { name: `Team ${next()}` } }) },
  {
    name: "teams: rename",
    run: async (actor) => renameTeam({ actor, input: { teamId: await team(), name: `Renamed team ${next()}` } }),
  },
  {
    name: "teams: archive",
    run: async (actor) => setTeamArchived({ actor, input: { teamId: await team(), archived: true } }),
  },
  {
    name: "services: create",
    run: async (actor) =>
      createService({ actor, input: { name: `svc-${next()}`, teamId: await team(), tier: "CUSTOMER_CRITICAL" } }),
  },
  {
    name: "services: rename/move/tier",
    run: async (actor) =>
      updateService({
        actor,
        input: { serviceId: await service(), name: `svc-${next()}`, teamId: await team(), tier: "CUSTOMER_FACING" },
      }),
  },
  {
    name: "services: archive",
    run: async (actor) => setServiceArchived({ actor, input: { serviceId: await service(), archived: true } }),
  },
  {
    name: "lists: create item",
    run: (actor) =>
      createListItem({
        actor,
        input: { list: "capabilities", name: `Capability ${next()}`, code: undefined, aliases: [] },
      }),
  },
  {
    name: "lists: rename item",
    run: async (actor) =>
      updateListItem({ actor, input: { list: "factors", id: await factor(), name: `Factor ${next()}`, aliases: [] } }),
  },
  {
    name: "lists: archive item",
    run: async (actor) => archiveListItem({ actor, input: { list: "factors", id: await factor(), archived: true } }),
  },
  {
    name: "approval policy: update",
    run: (actor) =>
      updateApprovalPolicy({
        actor,
        input: { levelsRequiring: ["JUNIOR", "MID"], approverLevels: ["SENIOR"], exemptInvolvements: [] },
      }),
  },
  {
    name: "API tokens: create",
    run: (actor) => createApiToken({ actor, input: { name: `Token ${next()}`, scopes: ["read"] } }),
  },
  { name: "API tokens: revoke", run: async (actor) => revokeApiToken({ actor, input: { tokenId: await token() } }) },
  { name: "audit log: export CSV", run: (actor) => exportAuditCsv({ actor, filters: {}, timeZone: "Europe/Berlin" }) },
];

describe("admin permission matrix", () => {
  describe.each(ACTIONS)("$name", (action) => {
    it.each(["ENGINEER", "MANAGER"] as const)("is refused with 403 for a %s, writing nothing", async (role) => {
      const auditBefore = await db.auditLog.count({ where: { actorId: actors[role].id } });
      const error = await action.run(actors[role]).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toMatchObject({ code: "FORBIDDEN", status: 403 });
      expect(await db.auditLog.count({ where: { actorId: actors[role].id } })).toBe(auditBefore);
    });

    it("succeeds for an admin", async () => {
      await expect(action.run(actors.ADMIN)).resolves.not.toThrow();
    });
  });

  it("covers every mutation an admin can make with an audit row", async () => {
    const actions = await db.auditLog.findMany({
      where: { actorId: actors.ADMIN.id },
      distinct: ["action"],
      select: { action: true },
    });
    expect(actions.map((a) => a.action).sort()).toEqual(
      expect.arrayContaining([
        "user.created",
        "user.level_changed",
        "user.deactivated",
        "user.reactivated",
        "team.created",
        "team.renamed",
        "team.archived",
        "service.created",
        "service.updated",
        "service.archived",
        "list_item.created",
        "list_item.updated",
        "list_item.archived",
        "approval_policy.updated",
        "api_token.created",
        "api_token.revoked",
      ]),
    );
  });
});
