import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { getDb } from "@/lib/server/db";
import { scopeSql, type MetricScope } from "./metric-scope";

export type ChangeFailureWeek = { week: string; aiShipped: number; aiFailed: number; otherShipped: number; otherFailed: number };
export type FailureBreakdownRow = { group: string; aiAssisted: boolean; shipped: number; failed: number };

// PRODUCT.md: a change failed when it is linked as trigger or root cause, or rolled back.
const failedJoin = Prisma.sql`LEFT JOIN (SELECT DISTINCT "changeId" FROM "IncidentChange" WHERE role IN ('TRIGGER', 'ROOT_CAUSE')) f ON f."changeId" = c.id`;
const failed = Prisma.sql`(c."rolledBackAt" IS NOT NULL OR f."changeId" IS NOT NULL)`;

/**
 * Chart 5: change failure rate per week = failed / shipped changes that shipped that week
 * (whenever their incident happened), AI-assisted and other side by side.
 */
export async function changeFailureByWeek(scope: MetricScope): Promise<ChangeFailureWeek[]> {
  const s = scopeSql(scope);
  return getDb().$queryRaw<ChangeFailureWeek[]>`
    WITH weeks AS (${s.weeks}),
    ch AS (
      SELECT ${s.weekOf(Prisma.sql`c."shippedAt"`)} AS wk, c."aiAssisted" AS ai, ${failed} AS failed
      FROM "Change" c ${failedJoin}
      WHERE c."shippedAt" >= ${s.fromTs} AND c."shippedAt" < ${s.toTs} ${s.changeScope}
    )
    SELECT to_char(w.local_start, 'YYYY-MM-DD') AS week,
           (count(*) FILTER (WHERE ch.ai))::int AS "aiShipped",
           (count(*) FILTER (WHERE ch.ai AND ch.failed))::int AS "aiFailed",
           (count(*) FILTER (WHERE NOT ch.ai))::int AS "otherShipped",
           (count(*) FILTER (WHERE NOT ch.ai AND ch.failed))::int AS "otherFailed"
    FROM weeks w LEFT JOIN ch ON ch.wk = w.local_start
    GROUP BY w.local_start
    ORDER BY w.local_start`;
}

/** Chart 5 breakdown over the whole range: by AI tool (AI-assisted changes) and by author level (AI vs other). */
export async function changeFailureBreakdown(scope: MetricScope): Promise<{ byTool: FailureBreakdownRow[]; byLevel: FailureBreakdownRow[] }> {
  const s = scopeSql(scope);
  const rows = await getDb().$queryRaw<Array<FailureBreakdownRow & { dimension: "tool" | "level" }>>`
    WITH ch AS (
      SELECT coalesce(t.name, 'Unknown tool') AS tool, coalesce(c."authorLevel"::text, 'UNKNOWN') AS level, c."aiAssisted" AS ai, ${failed} AS failed
      FROM "Change" c ${failedJoin}
      LEFT JOIN "AiTool" t ON t.id = c."aiToolId"
      WHERE c."shippedAt" >= ${s.fromTs} AND c."shippedAt" < ${s.toTs} ${s.changeScope}
    )
    SELECT 'tool' AS dimension, tool AS "group", true AS "aiAssisted", count(*)::int AS shipped, (count(*) FILTER (WHERE failed))::int AS failed
    FROM ch WHERE ai GROUP BY tool
    UNION ALL
    SELECT 'level', level, ai, count(*)::int, (count(*) FILTER (WHERE failed))::int
    FROM ch GROUP BY level, ai
    ORDER BY 1, 2, 3`;
  const strip = ({ dimension: _d, ...row }: FailureBreakdownRow & { dimension: string }) => row;
  return { byTool: rows.filter((r) => r.dimension === "tool").map(strip), byLevel: rows.filter((r) => r.dimension === "level").map(strip) };
}
