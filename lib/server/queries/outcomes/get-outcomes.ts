import "server-only";
import type { ComplianceOutcome } from "@/lib/domain/approval-policy";
import type { Prisma } from "@/lib/generated/prisma/client";
import { getDb } from "@/lib/server/db";

// The figures' definitions per row, read from the database views of prisma/definitions.sql
// (the same ones the dashboard's statistics are kept from), for lists, exports and the API.
// `client`: a transaction's client when the rows were written in that (uncommitted) transaction.

export type ChangeOutcome = { failed: boolean; compliance: ComplianceOutcome };
export type IncidentOutcome = { aiLinked: boolean; highBlast: boolean };

/** Whether each change failed and its approval compliance, by change id. */
export async function getChangeOutcomes(
  ids: readonly number[],
  client?: Prisma.TransactionClient,
): Promise<Map<number, ChangeOutcome>> {
  if (ids.length === 0) return new Map();
  const rows = await (client ?? getDb()).$queryRaw<Array<ChangeOutcome & { id: number }>>`
    SELECT id, failed, compliance FROM "ChangeOutcome" WHERE id = ANY(${[...new Set(ids)]}::int[])`;
  return new Map(rows.map(({ id, ...outcome }) => [id, outcome]));
}

/** Whether each incident is AI-linked and has a high blast radius, by incident id. */
export async function getIncidentOutcomes(
  ids: readonly number[],
  client?: Prisma.TransactionClient,
): Promise<Map<number, IncidentOutcome>> {
  if (ids.length === 0) return new Map();
  const rows = await (client ?? getDb()).$queryRaw<Array<IncidentOutcome & { id: number }>>`
    SELECT id, "aiLinked", "highBlast" FROM "IncidentOutcome" WHERE id = ANY(${[...new Set(ids)]}::int[])`;
  return new Map(rows.map(({ id, ...outcome }) => [id, outcome]));
}
