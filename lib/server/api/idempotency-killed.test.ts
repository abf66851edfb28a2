import { spawn } from "node:child_process";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST } from "@/app/api/v1/incidents/route";
import { newApiToken } from "@/lib/server/auth/api-token";
import { createTestService, createTestUser } from "@/lib/server/testing/factories";
import { useTestDatabase, type TestDatabase } from "@/lib/server/testing/test-database";

// A request with an Idempotency-Key whose process is killed mid-request must leave nothing
// behind: the retry with the same key runs (201) and creates exactly one incident.

const root = path.resolve(import.meta.dirname, "../../..");
let database: TestDatabase;
let token: string;
let serviceSlug: string;

beforeAll(async () => {
  database = await useTestDatabase();
  const db = database.connection.prisma;
  const admin = await createTestUser(db, { role: "ADMIN", level: "SENIOR" });
  serviceSlug = (await createTestService(db)).slug;
  const created = newApiToken();
  await db.apiToken.create({
    data: {
      name: "pager",
      tokenHash: created.hash,
      prefix: created.prefix,
      scopes: ["incidents:write"],
      createdById: admin.id,
    },
  });
  token = created.token;
});
afterAll(() => database.dispose());

const post = (key: string, body: string) =>
  POST(
    new Request("http://faultline.test/api/v1/incidents", {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json", "idempotency-key": key },
      body,
    }),
    { params: Promise.resolve({}) },
  );

async function waitFor(check: () => Promise<boolean>, what: string, ms = 30_000) {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe("Idempotency-Key and a killed request", () => {
  it("a SIGKILLed request leaves no key: a concurrent retry waits then 409s, a later retry creates exactly one", async () => {
    const db = database.connection.prisma;
    const key = `killed-${Date.now()}`;
    const title = `Killed mid-request ${key}`;
    const body = JSON.stringify({
      title,
      severity: "SEV2",
      impactStartedAt: new Date(Date.now() - 60_000).toISOString(),
      services: [serviceSlug],
    });
    // Hold a lock that the child's INSERT INTO "Incident" must wait for: it is then mid-request,
    // with its key claimed, when we kill it.
    const blocker = new pg.Client({ connectionString: database.url });
    await blocker.connect();
    await blocker.query('BEGIN; LOCK TABLE "Incident" IN SHARE MODE');
    const child = spawn(
      // node itself (not the tsx CLI, which would run the script in a grandchild we could not kill).
      process.execPath,
      ["--conditions=react-server", "--import", "tsx", "lib/server/testing/idempotent-request-child.ts"],
      {
        cwd: root,
        env: {
          ...process.env,
          FAULTLINE_CHILD_DATABASE_URL: database.url,
          FAULTLINE_CHILD_TOKEN: token,
          FAULTLINE_CHILD_KEY: key,
          FAULTLINE_CHILD_BODY: body,
        },
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    const exited = new Promise<NodeJS.Signals | null>((resolve) =>
      child.on("exit", (_code, signal) => resolve(signal)),
    );
    try {
      await waitFor(async () => {
        const { rows } = await blocker.query(
          `SELECT count(*)::int AS n FROM pg_locks WHERE NOT granted AND relation = '"Incident"'::regclass`,
        );
        return rows[0].n > 0;
      }, `the child to wait on the Incident table (output so far: ${output})`);

      // While the first request runs, a retry waits for it, then is told to retry later.
      const concurrent = await post(key, body);
      expect(concurrent.status).toBe(409);
      expect(concurrent.headers.get("retry-after")).toBe("1");
      expect((await concurrent.json()).detail).toMatch(/still being processed/);

      child.kill("SIGKILL");
      expect(await exited).toBe("SIGKILL");
    } finally {
      await blocker.query("ROLLBACK");
      await blocker.end();
    }
    expect(output).not.toMatch(/answered/);

    const retry = await post(key, body);
    expect(retry.status).toBe(201);
    expect(retry.headers.get("idempotency-replayed")).toBeNull();
    const created = await retry.json();
    expect(await db.incident.count({ where: { title } })).toBe(1);
    // And the answer is now stored: a third attempt is a replay of the same incident.
    const replay = await post(key, body);
    expect(replay.status).toBe(201);
    expect(replay.headers.get("idempotency-replayed")).toBe("true");
    expect((await replay.json()).id).toBe(created.id);
    expect(await db.incident.count({ where: { title } })).toBe(1);
  });

  it("five concurrent requests with one key: one runs, the others replay it (or are told to retry), one incident", async () => {
    const db = database.connection.prisma;
    const key = `concurrent-${Date.now()}`;
    const title = `Concurrent ${key}`;
    const body = JSON.stringify({
      title,
      severity: "SEV3",
      impactStartedAt: new Date(Date.now() - 60_000).toISOString(),
      services: [serviceSlug],
    });
    const answers = await Promise.all(Array.from({ length: 5 }, () => post(key, body)));
    const fresh = answers.filter((r) => r.status === 201 && !r.headers.get("idempotency-replayed"));
    expect(fresh).toHaveLength(1);
    for (const answer of answers) expect([201, 409]).toContain(answer.status);
    const ids = new Set(
      await Promise.all(answers.filter((r) => r.status === 201).map(async (r) => (await r.json()).id as number)),
    );
    expect(ids.size).toBe(1);
    expect(await db.incident.count({ where: { title } })).toBe(1);
  });
});
