import "server-only";
import { buildAiComparison, type AiComparison, type BandKey, type InvolvementKey } from "@/lib/domain/ai-comparison";
import { getDb } from "@/lib/server/db";
import { scopeSql, type MetricScope } from "./metric-scope";

type Row = {
  dim: "stratum" | "band" | "involvement" | "mismatch";
  tier: string | null;
  kind: string | null;
  ai: boolean | null;
  key: string | null;
  mismatch: boolean | null;
  total: number;
  failed: number;
};

/**
 * Counts behind the AI-vs-other comparison over the scope's weeks: shipped and failed changes
 * per service tier × change kind × AI-assisted, per measured AI share band, per AI involvement,
 * and the declared-vs-evidence mismatches. A change belongs to the week it shipped; failed =
 * trigger or root cause of an incident, or rolled back. Read from the trigger-kept rollup
 * DailyAiStat (prisma/definitions.sql; docs/decisions/024-dashboard-at-the-floor.md) in one
 * GROUPING SETS pass; the tier is the service's current one.
 */
export async function getAiComparison(scope: MetricScope): Promise<AiComparison> {
  const s = scopeSql(scope);
  const rows = await getDb().$queryRaw<Row[]>`
    SELECT CASE WHEN grouping(sv.tier) = 0 THEN 'stratum' WHEN grouping(st.band) = 0 THEN 'band'
                WHEN grouping(st.involvement) = 0 THEN 'involvement' ELSE 'mismatch' END AS dim,
           sv.tier::text AS tier, st.kind::text AS kind, st."aiAssisted" AS ai, coalesce(st.band, st.involvement) AS key,
           st.mismatch, sum(st.changes)::int AS total, sum(st.failed)::int AS failed
    FROM "DailyAiStat" st
    JOIN "Service" sv ON sv.id = st."serviceId"
    WHERE st.day >= ${scope.from}::date AND st.day < ${scope.to}::date ${s.statScope}
    GROUP BY GROUPING SETS ((sv.tier, st.kind, st."aiAssisted"), (st.band), (st."aiAssisted", st.involvement), (st.mismatch))`;

  const strata = new Map<string, { ai: { failed: number; total: number }; other: { failed: number; total: number } }>();
  const sum = { ai: { failed: 0, total: 0 }, other: { failed: 0, total: 0 } };
  for (const row of rows.filter((r) => r.dim === "stratum")) {
    const key = `${row.tier}/${row.kind}`;
    const stratum = strata.get(key) ?? { ai: { failed: 0, total: 0 }, other: { failed: 0, total: 0 } };
    const side = row.ai ? "ai" : "other";
    stratum[side] = { failed: row.failed, total: row.total };
    sum[side].failed += row.failed;
    sum[side].total += row.total;
    strata.set(key, stratum);
  }
  const ORDER: BandKey[] = ["NONE", "LOW", "MID", "HIGH", "NO_EVIDENCE"];
  const INVOLVEMENTS: InvolvementKey[] = ["SUGGESTED", "CO_AUTHORED", "AGENT_AUTHORED", "UNSPECIFIED"];
  const of = <K extends string>(dim: Row["dim"], keys: K[]) =>
    keys.map((key) => {
      const row = rows.find((r) => r.dim === dim && r.key === key && (dim !== "involvement" || r.ai));
      return { key, failed: row?.failed ?? 0, total: row?.total ?? 0 };
    });
  return buildAiComparison({
    weeks: Math.round((Date.parse(scope.to) - Date.parse(scope.from)) / (7 * 86_400_000)),
    ai: sum.ai,
    other: sum.other,
    strata: [...strata.values()],
    bands: of("band", ORDER),
    involvements: of("involvement", INVOLVEMENTS),
    mismatches: rows.find((r) => r.dim === "mismatch" && r.mismatch)?.total ?? 0,
  });
}
