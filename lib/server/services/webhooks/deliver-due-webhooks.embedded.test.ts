// The claim statement and the delivery path on embedded PGlite (the default `npm start` database).
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { openConnection, type DbConnection } from "@/lib/server/db/connection";
import { applyMigrations } from "@/lib/server/db/migrate";
import { startWebhookReceiver, verifyFaultlineSignature } from "@/lib/server/testing/webhook-receiver";
import { deliverDueWebhooks } from "./deliver-due-webhooks";
import { enqueueOutboundEvent } from "./enqueue-event";

const holder = globalThis as typeof globalThis & { __faultlineDb?: DbConnection };
let dir: string;
let connection: DbConnection;
beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), "faultline-webhooks-pglite-"));
  connection = openConnection({ kind: "embedded", dataDir: path.join(dir, "data") });
  await connection.withSession((session) => applyMigrations(session));
  holder.__faultlineDb = connection;
});
afterAll(async () => {
  if (holder.__faultlineDb === connection) delete holder.__faultlineDb;
  await connection.close();
  rmSync(dir, { recursive: true, force: true });
});

it("claims, signs, retries and delivers on PGlite too", async () => {
  const receiver = await startWebhookReceiver((_request, index) => ({ status: index === 0 ? 503 : 200 }));
  try {
    const db = connection.prisma;
    await db.outboundWebhook.create({
      data: { name: "Receiver", url: receiver.url, events: ["report.published"], secret: "whsec_pglite" },
    });
    await db.$transaction((tx) =>
      enqueueOutboundEvent(tx, {
        event: "report.published",
        eventId: "report-2026-W47-publication-1",
        data: { week: "2026-W47" },
      }),
    );

    expect(await deliverDueWebhooks({ backoffBaseMs: 10 })).toMatchObject({ claimed: 1, retrying: 1 });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await deliverDueWebhooks({ backoffBaseMs: 10 })).toMatchObject({ claimed: 1, delivered: 1 });
    expect(receiver.received).toHaveLength(2);
    expect(verifyFaultlineSignature(receiver.received[1], "whsec_pglite")).toBe(true);
    const row = await db.outboundDelivery.findFirstOrThrow({ include: { attemptLog: true } });
    expect(row).toMatchObject({ status: "SUCCEEDED", attempts: 2, lastStatus: 200 });
    expect(row.attemptLog.map((a) => a.status).sort()).toEqual([200, 503]);
  } finally {
    await receiver.close();
  }
});
