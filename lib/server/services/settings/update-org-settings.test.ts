import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "@/lib/server/auth/session-user";
import type { Db } from "@/lib/server/db/connection";
import type { UpdateOrgSettingsInput } from "@/lib/schemas/org-settings";
import { updateOrgSettingsSchema } from "@/lib/schemas/org-settings";
import { createTestService, createTestUser } from "@/lib/server/testing/factories";
import { useTestDatabase, type TestDatabase } from "@/lib/server/testing/test-database";
import { updateOrgSettings } from "./update-org-settings";

let database: TestDatabase;
let db: Db;
let admin: SessionUser, manager: SessionUser;

const base: UpdateOrgSettingsInput = {
  name: "Acme",
  timeZone: "UTC",
  passwordSignInEnabled: true,
  ssoDefaultRole: "ENGINEER",
  ssoDefaultLevel: "MID",
};
const days = async () => ({
  change: (await db.dailyChangeStat.findMany({ select: { day: true, shipped: true } })).map(
    (r) => `${r.day.toISOString().slice(0, 10)}:${r.shipped}`,
  ),
  incident: (await db.dailyIncidentStat.findMany({ select: { day: true, incidents: true } })).map(
    (r) => `${r.day.toISOString().slice(0, 10)}:${r.incidents}`,
  ),
});

beforeAll(async () => {
  database = await useTestDatabase();
  db = database.connection.prisma;
  admin = await createTestUser(db, { role: "ADMIN", level: "SENIOR" });
  manager = await createTestUser(db, { role: "MANAGER", level: "SENIOR" });
  const service = await createTestService(db);
  // 23:30 UTC on 10 November: still the 10th in UTC, already the 11th in Tokyo (UTC+9).
  const lateEvening = new Date("2026-11-10T23:30:00Z");
  await db.change.create({
    data: { kind: "DEPLOY", title: "Late deploy", serviceId: service.id, shippedAt: lateEvening },
  });
  await db.incident.create({ data: { title: "Late incident", severity: "SEV2", impactStartedAt: lateEvening } });
  await db.$executeRaw`SELECT faultline_rebuild_stats()`;
});
afterAll(() => database.dispose());

describe("organisation settings", () => {
  it("saves name and SSO defaults, and audits only what changed", async () => {
    const result = await updateOrgSettings({
      actor: admin,
      input: { ...base, ssoDefaultRole: "MANAGER", ssoDefaultLevel: "JUNIOR" },
      ssoConfigured: false,
    });
    expect(result.statsRebuilt).toBe(false);
    expect(await db.orgSettings.findUniqueOrThrow({ where: { id: 1 } })).toMatchObject({
      name: "Acme",
      ssoDefaultRole: "MANAGER",
      ssoDefaultLevel: "JUNIOR",
    });
    const audit = await db.auditLog.findFirstOrThrow({
      where: { action: "settings.updated" },
      orderBy: { id: "desc" },
    });
    expect(audit.before).toEqual({ name: "Faultline", ssoDefaultRole: "ENGINEER", ssoDefaultLevel: "MID" });
    expect(audit.after).toEqual({ name: "Acme", ssoDefaultRole: "MANAGER", ssoDefaultLevel: "JUNIOR" });
    const auditsBefore = await db.auditLog.count({ where: { action: "settings.updated" } });
    await updateOrgSettings({
      actor: admin,
      input: { ...base, ssoDefaultRole: "MANAGER", ssoDefaultLevel: "JUNIOR" },
      ssoConfigured: false,
    });
    expect(await db.auditLog.count({ where: { action: "settings.updated" } })).toBe(auditsBefore);
  });

  it("moves the daily statistics to the new time zone's days in the same save", async () => {
    expect(await days()).toEqual({ change: ["2026-11-10:1"], incident: ["2026-11-10:1"] });
    const result = await updateOrgSettings({
      actor: admin,
      input: { ...base, timeZone: "Asia/Tokyo" },
      ssoConfigured: false,
    });
    expect(result.statsRebuilt).toBe(true);
    expect(await days()).toEqual({ change: ["2026-11-11:1"], incident: ["2026-11-11:1"] });
    await updateOrgSettings({ actor: admin, input: { ...base, timeZone: "UTC" }, ssoConfigured: false });
    expect(await days()).toEqual({ change: ["2026-11-10:1"], incident: ["2026-11-10:1"] });
  });

  it("refuses an unknown time zone with a field message (schema and service)", async () => {
    const parsed = updateOrgSettingsSchema.safeParse({ ...base, timeZone: "Mars/Olympus" });
    expect(parsed.success).toBe(false);
    await expect(
      updateOrgSettings({ actor: admin, input: { ...base, timeZone: "Mars/Olympus" }, ssoConfigured: false }),
    ).rejects.toMatchObject({
      code: "VALIDATION",
      fieldErrors: { timeZone: [expect.stringContaining("Choose a time zone")] },
    });
  });

  it("refuses to switch password sign-in off unless single sign-on is configured", async () => {
    await expect(
      updateOrgSettings({ actor: admin, input: { ...base, passwordSignInEnabled: false }, ssoConfigured: false }),
    ).rejects.toMatchObject({
      code: "VALIDATION",
      status: 422,
      message: expect.stringContaining("single sign-on is not configured"),
    });
    expect((await db.orgSettings.findUniqueOrThrow({ where: { id: 1 } })).passwordSignInEnabled).toBe(true);
    await updateOrgSettings({ actor: admin, input: { ...base, passwordSignInEnabled: false }, ssoConfigured: true });
    expect((await db.orgSettings.findUniqueOrThrow({ where: { id: 1 } })).passwordSignInEnabled).toBe(false);
    await updateOrgSettings({ actor: admin, input: base, ssoConfigured: true });
  });

  it("is for admins only", async () => {
    await expect(
      updateOrgSettings({ actor: manager, input: { ...base, name: "Hijacked" }, ssoConfigured: true }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect((await db.orgSettings.findUniqueOrThrow({ where: { id: 1 } })).name).toBe("Acme");
  });

  it("reads a ticked checkbox as on and a missing one as off", () => {
    expect(updateOrgSettingsSchema.parse({ ...base, passwordSignInEnabled: "on" }).passwordSignInEnabled).toBe(true);
    expect(updateOrgSettingsSchema.parse({ ...base, passwordSignInEnabled: undefined }).passwordSignInEnabled).toBe(
      false,
    );
  });
});
