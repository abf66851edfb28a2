import "server-only";
import { getDb } from "@/lib/server/db";

export type ManagedItem = {
  id: number;
  name: string;
  code?: string;
  aliases?: string[];
  archived: boolean;
  uses: number;
};

/** Every managed list with archived items and how often each is used, for the admin page. */
export async function listManagedLists() {
  const db = getDb();
  const [capabilities, factors, regions, aiTools] = await db.$transaction([
    db.capability.findMany({
      orderBy: { name: "asc" },
      select: { id: true, name: true, archivedAt: true, _count: { select: { incidents: true } } },
    }),
    db.contributingFactor.findMany({
      orderBy: { name: "asc" },
      select: { id: true, name: true, archivedAt: true, _count: { select: { incidents: true } } },
    }),
    db.region.findMany({
      orderBy: { code: "asc" },
      select: { id: true, code: true, name: true, archivedAt: true, _count: { select: { incidents: true } } },
    }),
    db.aiTool.findMany({
      orderBy: { name: "asc" },
      select: { id: true, name: true, aliases: true, archivedAt: true, _count: { select: { changes: true } } },
    }),
  ]);
  const shape = ({
    archivedAt,
    _count,
    ...rest
  }: { archivedAt: Date | null; _count: { incidents?: number; changes?: number } } & Omit<
    ManagedItem,
    "archived" | "uses"
  >): ManagedItem => ({
    ...rest,
    archived: archivedAt !== null,
    uses: _count.incidents ?? _count.changes ?? 0,
  });
  return {
    capabilities: capabilities.map(shape),
    factors: factors.map(shape),
    regions: regions.map(shape),
    aiTools: aiTools.map(shape),
  };
}
