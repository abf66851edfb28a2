import "server-only";
import { cache } from "react";
import { getDb } from "@/lib/server/db";

export type PickOption = { id: number; name: string };

/** The managed lists and people that forms pick from; one round trip per request. */
export const listPickOptions = cache(async () => {
  const db = getDb();
  const [regions, capabilities, factors, aiTools, users] = await db.$transaction([
    db.region.findMany({
      where: { archivedAt: null },
      select: { id: true, code: true, name: true },
      orderBy: { code: "asc" },
    }),
    db.capability.findMany({ where: { archivedAt: null }, select: { id: true, name: true }, orderBy: { name: "asc" } }),
    db.contributingFactor.findMany({
      where: { archivedAt: null },
      select: { id: true, name: true },
      orderBy: { name: "asc" },
    }),
    db.aiTool.findMany({ where: { archivedAt: null }, select: { id: true, name: true }, orderBy: { name: "asc" } }),
    db.user.findMany({
      where: { active: true },
      select: { id: true, name: true, level: true },
      orderBy: { name: "asc" },
    }),
  ]);
  return {
    regions: regions.map((r) => ({ id: r.id, name: `${r.code} · ${r.name}` })),
    capabilities,
    factors,
    aiTools,
    users,
  };
});
