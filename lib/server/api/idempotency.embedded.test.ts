// The one-transaction idempotent POSTs on embedded PGlite (one connection: a query outside the
// request's transaction would hang it, so this proves everything inside runs on `tx`).
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { POST as postIncident } from "@/app/api/v1/incidents/route";
import { PATCH } from "@/app/api/v1/incidents/[id]/route";
import { POST as postNote } from "@/app/api/v1/incidents/[id]/timeline/route";
import { newApiToken } from "@/lib/server/auth/api-token";
import { openConnection, type DbConnection } from "@/lib/server/db/connection";
import { applyMigrations } from "@/lib/server/db/migrate";
import { createTestService, createTestUser } from "@/lib/server/testing/factories";

const holder = globalThis as typeof globalThis & { __faultlineDb?: DbConnection };
let dir: string;
let connection: DbConnection;
let token: string;
let serviceSlug: string;
beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), "faultline-idempotency-pglite-"));
  connection = openConnection({ kind: "embedded", dataDir: path.join(dir, "data") });
  await connection.withSession((session) => applyMigrations(session));
  holder.__faultlineDb = connection;
  const db = connection.prisma;
  const admin = await createTestUser(db, { role: "ADMIN", level: "SENIOR" });
  serviceSlug = (await createTestService(db)).slug;
  const created = newApiToken();
  await db.apiToken.create({
    data: {
      name: "pager",
      tokenHash: created.hash,
      prefix: created.prefix,
      scopes: ["incidents:write", "read"],
      createdById: admin.id,
    },
  });
  token = created.token;
}, 180_000);
afterAll(async () => {
  if (holder.__faultlineDb === connection) delete holder.__faultlineDb;
  await connection.close();
  rmSync(dir, { recursive: true, force: true });
});

const call = <P>(
  handler: (request: Request, context: { params: Promise<P> }) => Promise<Response>,
  init: { method: string; path: string; body: unknown; key?: string; params?: P },
) =>
  handler(
    new Request(`http://faultline.test/api/v1${init.path}`, {
      method: init.method,
      headers: {
        authorization: `Bearer ${token}`,
        "content-type": "application/json",
        ...(init.key ? { "idempotency-key": init.key } : {}),
      },
      body: JSON.stringify(init.body),
    }),
    { params: Promise.resolve((init.params ?? {}) as P) },
  );

it("creates, replays, adds a note and patches in one transaction each on PGlite", async () => {
  const body = {
    title: "Embedded outage",
    severity: "SEV2",
    impactStartedAt: new Date(Date.now() - 60_000).toISOString(),
    services: [serviceSlug],
  };
  const first = await call(postIncident, { method: "POST", path: "/incidents", body, key: "k1" });
  expect(first.status).toBe(201);
  const incident = await first.json();
  const replay = await call(postIncident, { method: "POST", path: "/incidents", body, key: "k1" });
  expect(replay.headers.get("idempotency-replayed")).toBe("true");
  expect((await replay.json()).id).toBe(incident.id);

  const id = String(incident.id);
  const note = { body: "Rolled back the deploy" };
  const path = `/incidents/${id}/timeline`;
  expect((await call(postNote, { method: "POST", path, body: note, key: "n1", params: { id } })).status).toBe(201);
  expect((await call(postNote, { method: "POST", path, body: note, key: "n1", params: { id } })).status).toBe(201);
  expect(await connection.prisma.timelineEvent.count({ where: { incidentId: incident.id, kind: "NOTE" } })).toBe(1);

  const patch = { version: 1, status: "IDENTIFIED", severity: "SEV1", reason: "Worse than thought" };
  const patched = await call(PATCH, { method: "PATCH", path: `/incidents/${id}`, body: patch, params: { id } });
  expect(patched.status).toBe(200);
  expect(await patched.json()).toMatchObject({ status: "IDENTIFIED", severity: "SEV1", version: 3 });
}, 120_000);
