import "server-only";
import { getDb } from "@/lib/server/db";
import { DELIVERY_PAGE_SIZE, DELIVERY_SELECT } from "@/lib/server/queries/webhooks/get-outbound-webhook";

/** The newest commit statuses an integration queued for GitHub, with every attempt (for its admin page). */
export async function listStatusDeliveries(integrationIds: number[]) {
  if (integrationIds.length === 0) return new Map<number, never[]>();
  const rows = await getDb().outboundDelivery.findMany({
    where: { integrationId: { in: integrationIds } },
    orderBy: { id: "desc" },
    take: DELIVERY_PAGE_SIZE * integrationIds.length,
    select: { ...DELIVERY_SELECT, integrationId: true },
  });
  const byIntegration = new Map<number, typeof rows>();
  for (const row of rows) {
    const list = byIntegration.get(row.integrationId!) ?? [];
    if (list.length < DELIVERY_PAGE_SIZE) list.push(row);
    byIntegration.set(row.integrationId!, list);
  }
  return byIntegration;
}
