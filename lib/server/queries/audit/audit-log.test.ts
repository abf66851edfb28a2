import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseAuditCursor, parseAuditFilters } from "@/lib/schemas/audit-filters";
import type { SessionUser } from "@/lib/server/auth/session-user";
import type { Db } from "@/lib/server/db/connection";
import { createTestUser } from "@/lib/server/testing/factories";
import { useTestDatabase, type TestDatabase } from "@/lib/server/testing/test-database";
import { AUDIT_CSV_COLUMNS, exportAuditCsv } from "./export-audit-csv";
import { AUDIT_PAGE_SIZE, listAuditFilterOptions, searchAuditLog } from "./search-audit-log";

const ZONE = "Europe/Berlin";
let database: TestDatabase;
let db: Db;
let admin: SessionUser;
let other: SessionUser;

beforeAll(async () => {
  database = await useTestDatabase();
  db = database.connection.prisma;
  admin = await createTestUser(db, { role: "ADMIN" });
  other = await createTestUser(db, { role: "ADMIN" });
  // 120 rows by the admin on 2026-03-10 (Berlin), one by a token just before midnight Berlin on 2026-03-11, one by `other`.
  await db.auditLog.createMany({
    data: Array.from({ length: 120 }, (_, i) => ({
      at: new Date(Date.UTC(2026, 2, 10, 8, 0, i)),
      actorId: admin.id,
      action: "team.renamed",
      entityType: "Team",
      entityId: String(i % 3),
      before: { name: `Old ${i}` },
      after: { name: `New ${i}` },
    })),
  });
  await db.auditLog.create({
    data: {
      at: new Date("2026-03-11T22:59:00Z"),
      actorLabel: "token:ci-deploy",
      action: "change.registered",
      entityType: "Change",
      entityId: "7",
      after: { title: 'Deploy, with "quotes"' },
    },
  });
  await db.auditLog.create({
    data: {
      at: new Date("2026-03-11T23:01:00Z"),
      actorId: other.id,
      action: "user.deactivated",
      entityType: "User",
      entityId: String(admin.id),
      before: { active: true },
      after: { active: false },
    },
  });
});
afterAll(() => database.dispose());

describe("searching the audit log", () => {
  it("pages newest first by keyset without gaps or repeats", async () => {
    const seen: number[] = [];
    let cursor: { at: Date; id: number } | undefined;
    for (let page = 0; page < 5; page++) {
      const result = await searchAuditLog({ filters: {}, timeZone: ZONE, cursor });
      seen.push(...result.rows.map((r) => r.id));
      if (!result.nextCursor) break;
      expect(result.rows).toHaveLength(AUDIT_PAGE_SIZE);
      cursor = parseAuditCursor(result.nextCursor);
    }
    expect(seen).toHaveLength(122);
    expect(new Set(seen).size).toBe(122);
    const all = await db.auditLog.findMany({ orderBy: [{ at: "desc" }, { id: "desc" }], select: { id: true } });
    expect(seen).toEqual(all.map((r) => r.id));
  });

  it("filters by actor, token label, entity, action and days in the organisation's time zone", async () => {
    const ids = async (raw: Record<string, string>) =>
      (await searchAuditLog({ filters: parseAuditFilters(raw), timeZone: ZONE })).rows.map((r) => r.action);
    expect(await ids({ actor: `u${other.id}` })).toEqual(["user.deactivated"]);
    expect(await ids({ actor: "l:token:ci-deploy" })).toEqual(["change.registered"]);
    expect(await ids({ entityType: "User", entityId: String(admin.id) })).toEqual(["user.deactivated"]);
    expect((await ids({ entityType: "Team", entityId: "1" })).length).toBe(40);
    expect((await ids({ action: "team.renamed" })).length).toBe(AUDIT_PAGE_SIZE);
    // 22:59 UTC on the 11th is still the 11th in Berlin (UTC+1); 23:01 UTC is the 12th there.
    expect(await ids({ from: "2026-03-11", to: "2026-03-11" })).toEqual(["change.registered"]);
    expect(await ids({ from: "2026-03-12" })).toEqual(["user.deactivated"]);
    expect(await ids({ to: "2026-03-09" })).toEqual([]);
  });

  it("drops nonsense in the URL instead of failing", () => {
    expect(
      parseAuditFilters({ actor: "u12x", entityType: "Team; DROP", from: "yesterday", action: "a".repeat(200) }),
    ).toEqual({
      actorId: undefined,
      actorLabel: undefined,
      entityType: undefined,
      entityId: undefined,
      action: undefined,
      from: undefined,
      to: undefined,
    });
    expect(parseAuditCursor("not-a-cursor")).toBeUndefined();
  });

  it("offers the entity types, actions and non-person actors seen so far", async () => {
    expect(await listAuditFilterOptions()).toEqual({
      entityTypes: ["Change", "Team", "User"],
      actions: ["change.registered", "team.renamed", "user.deactivated"],
      actorLabels: ["token:ci-deploy"],
    });
  });
});

describe("exporting the audit log", () => {
  it("writes the filtered rows with stable columns, JSON before/after and quoting", async () => {
    const { csv, rows } = await exportAuditCsv({
      actor: admin,
      filters: parseAuditFilters({ from: "2026-03-11" }),
      timeZone: ZONE,
    });
    expect(rows).toBe(2);
    const records = parse(csv, { columns: true }) as Array<Record<string, string>>;
    expect(Object.keys(records[0])).toEqual([...AUDIT_CSV_COLUMNS]);
    expect(records[0]).toMatchObject({
      action: "user.deactivated",
      actor_id: String(other.id),
      actor_name: other.name,
      actor_email: other.email,
      actor_label: "",
      at: "2026-03-11T23:01:00.000Z",
      before: '{"active":true}',
      after: '{"active":false}',
    });
    expect(records[1]).toMatchObject({
      action: "change.registered",
      actor_id: "",
      actor_label: "token:ci-deploy",
      entity_type: "Change",
      entity_id: "7",
      before: "",
      after: '{"title":"Deploy, with \\"quotes\\""}',
    });
  });

  it.each(["ENGINEER", "MANAGER"] as const)("refuses a %s", async (role) => {
    const actor = await createTestUser(db, { role });
    await expect(exportAuditCsv({ actor, filters: {}, timeZone: ZONE })).rejects.toMatchObject({
      code: "FORBIDDEN",
      status: 403,
    });
  });
});

describe("the audit CSV against formula injection", () => {
  const FORMULAS = [
    '=HYPERLINK("https://evil.example","x")',
    "+cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(1+1)",
    "\t=1",
    "\r=1",
  ];

  it.each(FORMULAS)("writes %j from a user's name, a token label and an entity id as text", async (text) => {
    const n = FORMULAS.indexOf(text);
    const day = `2026-05-${String(4 + n).padStart(2, "0")}`; // one day per case: the log is append-only
    const at = new Date(`${day}T10:00:00Z`);
    const named = await db.user.create({
      data: { email: `formula-${n}@example.test`, name: text },
      select: { id: true },
    });
    await db.auditLog.createMany({
      data: [
        { at, actorId: named.id, action: "incident.declared", entityType: "Incident", entityId: text },
        { at, actorLabel: text, action: "change.registered", entityType: "Change", entityId: "-5" },
      ],
    });
    const { csv } = await exportAuditCsv({
      actor: admin,
      filters: parseAuditFilters({ from: day, to: day }),
      timeZone: "UTC",
    });
    const records = parse(csv, { columns: true, relax_quotes: true }) as Array<Record<string, string>>;
    expect(records).toHaveLength(2);
    const declared = records.find((r) => r.action === "incident.declared")!;
    const registered = records.find((r) => r.action === "change.registered")!;
    expect(declared.actor_name).toBe(`'${text}`);
    expect(declared.entity_id).toBe(`'${text}`);
    expect(registered.actor_label).toBe(`'${text}`);
    expect(registered.entity_id).toBe("'-5"); // an id column of text: neutralised like any text
    expect(declared.actor_id).toBe(String(named.id));
  });
});
