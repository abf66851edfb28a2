import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ManagedList } from "@/lib/schemas/managed-list";

/**
 * The four managed lists share one shape (name, archivedAt; slug or code; aliases for AI
 * tools). This maps a list name to its Prisma delegate so the services stay one each.
 */
export function listTable(tx: Prisma.TransactionClient, list: ManagedList) {
  const tables = {
    capabilities: tx.capability,
    factors: tx.contributingFactor,
    regions: tx.region,
    aiTools: tx.aiTool,
  };
  return tables[list] as unknown as {
    findUnique(args: {
      where: { id: number };
    }): Promise<({ id: number; name: string; archivedAt: Date | null } & Record<string, unknown>) | null>;
    create(args: { data: Record<string, unknown>; select: { id: true } }): Promise<{ id: number }>;
    update(args: { where: { id: number }; data: Record<string, unknown> }): Promise<unknown>;
  };
}

export const ENTITY_TYPES: Record<ManagedList, string> = {
  capabilities: "Capability",
  factors: "ContributingFactor",
  regions: "Region",
  aiTools: "AiTool",
};
