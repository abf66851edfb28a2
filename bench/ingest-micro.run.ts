// npx vitest run --config bench/vitest.config.ts bench/ingest-micro.run.ts
// A quick check that keeping the statistics does not slow ingestion down: on a fresh test
// database with a few thousand changes, times 500-change batches (new, then moved to other
// days) and single upserts through ingestChanges, in-process (no HTTP). Reports only.
import { integrationActor } from "@/lib/server/auth/actor";
import { afterAll, beforeAll, it } from "vitest";
import { ingestChanges, type ExternalChangeInput } from "@/lib/server/services/changes/ingest-changes";
import { createTestService, createTestUser } from "@/lib/server/testing/factories";
import { useTestDatabase, type TestDatabase } from "@/lib/server/testing/test-database";

let database: TestDatabase;
beforeAll(async () => {
  database = await useTestDatabase();
});
afterAll(() => database?.dispose());

const DAY = 86_400_000;
const start = Date.UTC(2026, 6, 1);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.95)];

it("times batch and single ingestion", async () => {
  const db = database.connection.prisma;
  const services = await Promise.all([1, 2, 3, 4].map(() => createTestService(db)));
  const authors = await Promise.all(
    ["JUNIOR", "MID", "SENIOR"].map((level) => createTestUser(db, { level: level as "MID" })),
  );
  const actor = integrationActor("bench", authors[2].id);
  const make = (n: number, prefix: string, dayShift = 0): ExternalChangeInput => ({
    source: "bench",
    externalId: `${prefix}-${n}`,
    kind: "DEPLOY",
    title: `Deploy ${n}`,
    serviceId: services[n % 4].id,
    authorId: authors[n % 3].id,
    aiAssisted: n % 3 === 0,
    shippedAt: new Date(start + ((n * 7 + dayShift) % 120) * DAY + (n % 24) * 3_600_000),
  });
  for (let b = 0; b < 10; b += 1) {
    await ingestChanges(
      actor,
      Array.from({ length: 500 }, (_, i) => make(b * 500 + i, "seed")),
    );
  }
  const batchNew: number[] = [];
  const batchMoved: number[] = [];
  for (let b = 0; b < 8; b += 1) {
    const inputs = Array.from({ length: 500 }, (_, i) => make(b * 500 + i, "timed"));
    let t = performance.now();
    await ingestChanges(actor, inputs);
    batchNew.push(performance.now() - t);
    t = performance.now();
    await ingestChanges(
      actor,
      inputs.map((input, i) => ({ ...input, shippedAt: new Date(input.shippedAt!.getTime() + ((i % 5) + 1) * DAY) })),
    );
    batchMoved.push(performance.now() - t);
  }
  const single: number[] = [];
  for (let n = 0; n < 300; n += 1) {
    const t = performance.now();
    await ingestChanges(actor, [make(n, n % 2 ? "single" : "seed", n % 2 ? 0 : 3)]);
    single.push(performance.now() - t);
  }
  const rows = await db.change.count();
  console.log(
    `[bench] ${rows} changes; 500-change batch new: median ${median(batchNew).toFixed(1)} ms; ` +
      `500-change batch moved: median ${median(batchMoved).toFixed(1)} ms; ` +
      `single upsert: median ${median(single).toFixed(2)} ms, p95 ${p95(single).toFixed(2)} ms`,
  );
});
