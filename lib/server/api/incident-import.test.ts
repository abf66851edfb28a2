import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PATCH as patchIncident } from "@/app/api/v1/incidents/[id]/route";
import { POST as postIncident } from "@/app/api/v1/incidents/route";
import { GET as getMetrics } from "@/app/api/v1/metrics/route";
import { newApiToken } from "@/lib/server/auth/api-token";
import { createTestService, createTestUser } from "@/lib/server/testing/factories";
import { useTestDatabase, type TestDatabase } from "@/lib/server/testing/test-database";

// The import door of the API from the hostile side: wrong scope, half an identity, times out of
// order, the same incident twice at once, a token past its expiry.

let database: TestDatabase;
let slug = "";
beforeAll(async () => {
  database = await useTestDatabase();
  slug = (await createTestService(database.connection.prisma)).slug;
  process.env.FAULTLINE_API_RATE_LIMIT = "100000";
});
afterAll(async () => {
  delete process.env.FAULTLINE_API_RATE_LIMIT;
  await database.dispose();
});

async function token(scopes: string[], expiresAt: Date | null = null) {
  const db = database.connection.prisma;
  const admin = await createTestUser(db, { role: "ADMIN", level: "SENIOR" });
  const made = newApiToken();
  await db.apiToken.create({
    data: { name: "import", tokenHash: made.hash, prefix: made.prefix, scopes, createdById: admin.id, expiresAt },
  });
  return made.token;
}

const send = <P>(
  handler: (request: Request, context: { params: Promise<P> }) => Promise<Response>,
  bearer: string,
  method: string,
  path: string,
  body?: unknown,
  params?: P,
) =>
  handler(
    new Request(`http://faultline.test/api/v1${path}`, {
      method,
      headers: { authorization: `Bearer ${bearer}`, "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    }),
    { params: Promise.resolve((params ?? {}) as P) },
  );

const body = (externalId: string, extra: object = {}) => ({
  title: `Imported ${externalId}`,
  severity: "SEV2",
  impactStartedAt: "2026-06-01T10:00:00.000Z",
  detectedAt: "2026-06-01T10:10:00.000Z",
  resolvedAt: "2026-06-01T13:00:00.000Z",
  services: [slug],
  source: "pagerduty",
  externalId,
  ...extra,
});

describe("importing incidents through the API", () => {
  it("needs the import scope for historical times, and 403s without writing", async () => {
    const writer = await token(["read", "incidents:write"]);
    const response = await send(postIncident, writer, "POST", "/incidents", body("P-403"));
    expect(response.status).toBe(403);
    expect(await database.connection.prisma.incident.count({ where: { externalKey: "P-403" } })).toBe(0);
  });

  it("asks for source and externalId together, field by field", async () => {
    const importer = await token(["incidents:write", "import"]);
    const { externalId: _, ...withoutId } = body("P-422");
    void _;
    const response = await send(postIncident, importer, "POST", "/incidents", withoutId);
    expect(response.status).toBe(422);
    expect(Object.keys((await response.json()).errors)).toEqual(["externalId"]);
  });

  it("answers times out of order with a 422 on the later field", async () => {
    const importer = await token(["incidents:write", "import"]);
    const response = await send(
      postIncident,
      importer,
      "POST",
      "/incidents",
      body("P-ORDER", { mitigatedAt: "2026-06-01T14:00:00.000Z" }),
    );
    expect(response.status).toBe(422);
    expect((await response.json()).errors).toHaveProperty("resolvedAt");
  });

  it("creates one incident when the same one is imported twice at once", async () => {
    const importer = await token(["incidents:write", "import"]);
    const answers = await Promise.all(
      [1, 2, 3].map(() => send(postIncident, importer, "POST", "/incidents", body("P-RACE"))),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([200, 200, 201]);
    expect(await database.connection.prisma.incident.count({ where: { externalKey: "P-RACE" } })).toBe(1);
    expect(
      await database.connection.prisma.auditLog.count({ where: { action: "incident.imported" } }),
    ).toBeGreaterThanOrEqual(1);
  });

  it("corrects an import that changed at the source, moving its statistics to the new day", async () => {
    const importer = await token(["read", "incidents:write", "import"]);
    const first = await send(postIncident, importer, "POST", "/incidents", body("P-MOVE"));
    expect(first.status).toBe(201);
    const moved = await send(
      postIncident,
      importer,
      "POST",
      "/incidents",
      body("P-MOVE", {
        impactStartedAt: "2026-06-03T10:00:00.000Z",
        detectedAt: "2026-06-03T10:00:00.000Z",
        resolvedAt: "2026-06-03T11:00:00.000Z",
      }),
    );
    expect(moved.status).toBe(200);
    const db = database.connection.prisma;
    const stats = () => db.$queryRaw`SELECT * FROM "DailyIncidentStat" ORDER BY 1, 2, 3, 4`;
    const kept = await stats();
    await db.$executeRaw`SELECT "faultline_rebuild_stats"()`;
    expect(kept).toEqual(await stats());
    const incident = await db.incident.findFirstOrThrow({ where: { externalKey: "P-MOVE" } });
    expect(incident.resolvedAt?.toISOString()).toBe("2026-06-03T11:00:00.000Z");
    const metrics = await send(getMetrics, importer, "GET", "/metrics?from=2026-06-01&to=2026-06-07");
    expect(metrics.status).toBe(200);
  });

  it("PATCHes times only with the import scope and the version read", async () => {
    const importer = await token(["incidents:write", "import"]);
    const created = await (
      await send(postIncident, importer, "POST", "/incidents", body("P-PATCH", { resolvedAt: undefined }))
    ).json();
    const id = String(created.id);
    const writer = await token(["incidents:write"]);
    const forbidden = await send(
      patchIncident,
      writer,
      "PATCH",
      `/incidents/${id}`,
      { version: created.version, resolvedAt: "2026-06-01T12:00:00.000Z" },
      { id },
    );
    expect(forbidden.status).toBe(403);
    const stale = await send(
      patchIncident,
      importer,
      "PATCH",
      `/incidents/${id}`,
      { version: created.version + 5, resolvedAt: "2026-06-01T12:00:00.000Z" },
      { id },
    );
    expect(stale.status).toBe(409);
    const done = await send(
      patchIncident,
      importer,
      "PATCH",
      `/incidents/${id}`,
      { version: created.version, resolvedAt: "2026-06-01T12:00:00.000Z" },
      { id },
    );
    expect(done.status).toBe(200);
    expect(await done.json()).toMatchObject({
      status: "RESOLVED",
      resolvedAt: "2026-06-01T12:00:00.000Z",
      mitigatedAt: "2026-06-01T12:00:00.000Z",
    });
  });

  it("refuses a token after its expiry with a 401", async () => {
    const expired = await token(["read"], new Date(Date.now() - 1000));
    const response = await send(getMetrics, expired, "GET", "/metrics");
    expect(response.status).toBe(401);
    expect((await response.json()).detail).toContain("expired");
  });
});
