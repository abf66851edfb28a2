import "server-only";
import type { ComplianceOutcome } from "@/lib/domain/approval-policy";
import { getDb } from "@/lib/server/db";

// The figures' definitions per row, read from the database views of prisma/definitions.sql
// (the same ones the dashboard's statistics are kept from), for lists, exports and the API.

export type ChangeOutcome = { failed: boolean; compliance: ComplianceOutcome };
export type IncidentOutcome = { aiLinked: boolean; highBlast: boolean };

/** Whether each change failed and its approval compliance, by change id. */
export async function getChangeOutcomes(ids: readonly number[]): Promise<Map<number, ChangeOutcome>> {
  if (ids.length === 0) return new Map();
  const rows = await getDb().$queryRaw<Array<ChangeOutcome & { id: number }>>`
    SELECT id, failed, compliance FROM "ChangeOutcome" WHERE id = ANY(${[...new Set(ids)]}::int[])`;
  return new Map(rows.map(({ id, ...outcome }) => [id, outcome]));
}

/** Whether each incident is AI-linked and has a high blast radius, by incident id. */
export async function getIncidentOutcomes(ids: readonly number[]): Promise<Map<number, IncidentOutcome>> {
  if (ids.length === 0) return new Map();
  const rows = await getDb().$queryRaw<Array<IncidentOutcome & { id: number }>>`
    SELECT id, "aiLinked", "highBlast" FROM "IncidentOutcome" WHERE id = ANY(${[...new Set(ids)]}::int[])`;
  return new Map(rows.map(({ id, ...outcome }) => [id, outcome]));
}
