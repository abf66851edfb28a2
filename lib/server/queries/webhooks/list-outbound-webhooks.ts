import "server-only";
import { getDb } from "@/lib/server/db";

/** Webhooks (or Slack destinations) with their queue counts and latest delivery outcome, for /admin/webhooks. */
export async function listOutboundWebhooks(kind: "WEBHOOK" | "SLACK" = "WEBHOOK") {
  const db = getDb();
  const [hooks, counts] = await Promise.all([
    db.outboundWebhook.findMany({
      where: { kind },
      orderBy: [{ active: "desc" }, { createdAt: "desc" }],
      select: {
        id: true,
        name: true,
        url: true,
        events: true,
        active: true,
        createdAt: true,
        deliveries: {
          orderBy: { id: "desc" },
          take: 1,
          select: {
            event: true,
            status: true,
            lastStatus: true,
            lastError: true,
            createdAt: true,
            deliveredAt: true,
            attempts: true,
          },
        },
      },
    }),
    db.outboundDelivery.groupBy({ by: ["webhookId", "status"], _count: { _all: true } }),
  ]);
  return hooks.map(({ deliveries, ...hook }) => {
    const count = (status: string) =>
      counts.find((c) => c.webhookId === hook.id && c.status === status)?._count._all ?? 0;
    return { ...hook, last: deliveries[0] ?? null, pending: count("PENDING"), failed: count("FAILED") };
  });
}
