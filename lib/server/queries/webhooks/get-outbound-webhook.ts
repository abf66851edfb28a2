import "server-only";
import { getDb } from "@/lib/server/db";

export const DELIVERY_PAGE_SIZE = 30;

/** What a delivery history row shows (outbound webhooks and integrations' commit statuses alike). */
export const DELIVERY_SELECT = {
  id: true,
  event: true,
  eventId: true,
  status: true,
  attempts: true,
  nextAttemptAt: true,
  lastStatus: true,
  lastError: true,
  deliveredAt: true,
  createdAt: true,
  attemptLog: {
    orderBy: { at: "asc" },
    select: { id: true, at: true, status: true, error: true, durationMs: true },
  },
} as const;

/** One webhook (never its secret) and a page of its delivery history, newest first, with each attempt. */
export async function getOutboundWebhook(options: { id: number; before?: number }) {
  const db = getDb();
  const hook = await db.outboundWebhook.findUnique({
    where: { id: options.id },
    select: {
      id: true,
      kind: true,
      name: true,
      url: true,
      events: true,
      active: true,
      createdAt: true,
      updatedAt: true,
    },
  });
  if (!hook) return null;
  const rows = await db.outboundDelivery.findMany({
    where: { webhookId: options.id, ...(options.before ? { id: { lt: options.before } } : {}) },
    orderBy: { id: "desc" },
    take: DELIVERY_PAGE_SIZE + 1,
    select: DELIVERY_SELECT,
  });
  const deliveries = rows.slice(0, DELIVERY_PAGE_SIZE);
  // The page keeps itself fresh while something is about to go out (not for retries hours away).
  const soon = Date.now() + 2 * 60_000;
  const inFlight = deliveries.some((d) => d.status === "PENDING" && d.nextAttemptAt.getTime() < soon);
  return {
    hook,
    deliveries,
    olderThan: rows.length > DELIVERY_PAGE_SIZE ? deliveries[deliveries.length - 1].id : null,
    inFlight,
  };
}

export type WebhookDelivery = NonNullable<Awaited<ReturnType<typeof getOutboundWebhook>>>["deliveries"][number];
