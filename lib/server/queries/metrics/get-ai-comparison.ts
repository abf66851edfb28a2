import "server-only";
import { buildAiComparison, type AiComparison, type BandKey, type InvolvementKey } from "@/lib/domain/ai-comparison";
import { AI_SHARE_BAND_BOUNDS } from "@/lib/domain/attribution/ai-share";
import { FAILING_LINK_ROLES } from "@/lib/domain/change-failure";
import { getDb } from "@/lib/server/db";
import { scopeSql, type MetricScope } from "./metric-scope";

type Row = {
  dim: "stratum" | "band" | "involvement" | "mismatch";
  tier: string | null;
  kind: string | null;
  ai: boolean | null;
  key: string | null;
  total: number;
  failed: number;
};

/**
 * Counts behind the AI-vs-other comparison over the scope's weeks, aggregated in PostgreSQL:
 * shipped and failed changes per service tier × change kind × AI-assisted, per measured AI
 * share band, per AI involvement, and the declared-vs-evidence mismatches. A change belongs to
 * the week it shipped; failed = trigger or root cause of an incident, or rolled back.
 */
export async function getAiComparison(scope: MetricScope): Promise<AiComparison> {
  const s = scopeSql(scope);
  const { LOW, MID } = AI_SHARE_BAND_BOUNDS;
  const rows = await getDb().$queryRaw<Row[]>`
    WITH c AS (
      SELECT c."aiAssisted" AS ai, sv.tier::text AS tier, c.kind::text AS kind,
             coalesce(c."aiInvolvement"::text, 'UNSPECIFIED') AS involvement,
             CASE WHEN a."aiShare" IS NULL THEN 'NO_EVIDENCE'
                  WHEN a."aiShare" <= ${LOW.above} THEN 'NONE'
                  WHEN a."aiShare" <= ${LOW.atMost} THEN 'LOW'
                  WHEN a."aiShare" <= ${MID.atMost} THEN 'MID'
                  ELSE 'HIGH' END AS band,
             coalesce(a.mismatch, false) AS mismatch,
             (c."rolledBackAt" IS NOT NULL OR EXISTS (
                SELECT 1 FROM "IncidentChange" l
                WHERE l."changeId" = c.id AND l.role::text = ANY(${[...FAILING_LINK_ROLES]}))) AS failed
      FROM "Change" c
      JOIN "Service" sv ON sv.id = c."serviceId"
      LEFT JOIN "ChangeAttribution" a ON a."changeId" = c.id
      WHERE c."shippedAt" >= ${s.fromTs} AND c."shippedAt" < ${s.toTs} ${s.changeScope}
    )
    SELECT 'stratum' AS dim, tier, kind, ai, NULL AS key, count(*)::int AS total, (count(*) FILTER (WHERE failed))::int AS failed
      FROM c GROUP BY tier, kind, ai
    UNION ALL
    SELECT 'band', NULL, NULL, NULL, band, count(*)::int, (count(*) FILTER (WHERE failed))::int FROM c GROUP BY band
    UNION ALL
    SELECT 'involvement', NULL, NULL, NULL, involvement, count(*)::int, (count(*) FILTER (WHERE failed))::int
      FROM c WHERE ai GROUP BY involvement
    UNION ALL
    SELECT 'mismatch', NULL, NULL, NULL, NULL, (count(*) FILTER (WHERE mismatch))::int, (count(*) FILTER (WHERE mismatch AND failed))::int FROM c`;

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
      const row = rows.find((r) => r.dim === dim && r.key === key);
      return { key, failed: row?.failed ?? 0, total: row?.total ?? 0 };
    });
  return buildAiComparison({
    weeks: Math.round((Date.parse(scope.to) - Date.parse(scope.from)) / (7 * 86_400_000)),
    ai: sum.ai,
    other: sum.other,
    strata: [...strata.values()],
    bands: of("band", ORDER),
    involvements: of("involvement", INVOLVEMENTS),
    mismatches: rows.find((r) => r.dim === "mismatch")?.total ?? 0,
  });
}
