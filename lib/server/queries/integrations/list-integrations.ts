import "server-only";
import { getDb } from "@/lib/server/db";

/** Integrations for the admin page, with their last processed and last rejected delivery. */
export async function listIntegrations() {
  const db = getDb();
  const [integrations, processed, rejected] = await Promise.all([
    db.integration.findMany({
      orderBy: [{ active: "desc" }, { name: "asc" }],
      select: { id: true, kind: true, name: true, config: true, active: true, createdAt: true, statusToken: true },
    }),
    db.processedDelivery.groupBy({ by: ["integrationId"], _max: { processedAt: true }, _count: { _all: true } }),
    db.rejectedDelivery.groupBy({ by: ["integrationId"], _max: { receivedAt: true } }),
  ]);
  const lastProcessed = new Map(
    processed.map((row) => [row.integrationId, { at: row._max.processedAt, count: row._count._all }]),
  );
  const lastRejected = new Map(rejected.map((row) => [row.integrationId, row._max.receivedAt]));
  // The sealed token never leaves the server: the page only learns whether one is set.
  return integrations.map(({ statusToken, ...integration }) => ({
    ...integration,
    hasStatusToken: statusToken !== null,
    lastProcessedAt: lastProcessed.get(integration.id)?.at ?? null,
    processedCount: lastProcessed.get(integration.id)?.count ?? 0,
    lastRejectedAt: lastRejected.get(integration.id) ?? null,
  }));
}
export type IntegrationRow = Awaited<ReturnType<typeof listIntegrations>>[number];

/** The newest rejected deliveries (the log keeps at most 500). */
export async function listRejectedDeliveries(limit = 50) {
  return getDb().rejectedDelivery.findMany({
    orderBy: { id: "desc" },
    take: limit,
    select: {
      id: true,
      source: true,
      status: true,
      reason: true,
      event: true,
      headers: true,
      body: true,
      receivedAt: true,
      integration: { select: { name: true } },
    },
  });
}

export async function listAiRules() {
  return getDb().aiDetectionRule.findMany({
    orderBy: [{ position: "asc" }, { id: "asc" }],
    select: {
      id: true,
      kind: true,
      pattern: true,
      aiToolId: true,
      involvement: true,
      active: true,
      aiTool: { select: { name: true } },
    },
  });
}

export async function listGithubLoginOptions() {
  const users = await getDb().user.findMany({
    where: { active: true },
    orderBy: { name: "asc" },
    select: { id: true, name: true, email: true, githubLogin: true },
  });
  return users;
}

export async function listAiToolOptions() {
  return getDb().aiTool.findMany({
    where: { archivedAt: null },
    orderBy: { name: "asc" },
    select: { id: true, name: true },
  });
}
