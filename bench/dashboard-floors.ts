// The best SQL we could write by hand for each dashboard chart (issue 19): the same rows as
// the app's query layer, written independently of it, sent straight through `pg`. The
// dashboard benchmark times each chart against its floor and checks the rows are identical.
// Parameters: $1 from (Monday), $2 to (Monday, exclusive), $3 time zone, $4 today (local day).

export type Floor = { chart: string; queries: string[] };

const weeks = `generate_series($1::date::timestamp, $2::date::timestamp - interval '1 week', interval '1 week')`;

export const FLOORS: Floor[] = [
  {
    chart: "time to resolve",
    queries: [
      `SELECT to_char(w.wk, 'YYYY-MM-DD') AS week, s.severity, coalesce(a.resolved, 0) AS resolved,
              a.p[1] AS "medianHours", a.p[2] AS "p90Hours"
       FROM ${weeks} AS w(wk)
       CROSS JOIN (VALUES ('ALL'), ('SEV1'), ('SEV2'), ('SEV3'), ('SEV4')) AS s(severity)
       LEFT JOIN (
         SELECT date_trunc('week', i."impactStartedAt" AT TIME ZONE $3) AS wk, coalesce(i.severity::text, 'ALL') AS severity,
                count(*)::int AS resolved,
                percentile_cont(array[0.5, 0.9]) WITHIN GROUP (ORDER BY date_part('epoch', i."resolvedAt" - i."impactStartedAt") / 3600) AS p
         FROM "Incident" i
         WHERE i."resolvedAt" IS NOT NULL
           AND i."impactStartedAt" >= ($1::date::timestamp AT TIME ZONE $3) AND i."impactStartedAt" < ($2::date::timestamp AT TIME ZONE $3)
         GROUP BY GROUPING SETS ((date_trunc('week', i."impactStartedAt" AT TIME ZONE $3)), (date_trunc('week', i."impactStartedAt" AT TIME ZONE $3), i.severity))
       ) a ON a.wk = w.wk AND a.severity = s.severity
       ORDER BY w.wk, s.severity`,
    ],
  },
  {
    chart: "incidents by week",
    queries: [
      `SELECT to_char(w.wk, 'YYYY-MM-DD') AS week,
              coalesce(sum(st.incidents), 0)::int AS total,
              coalesce(sum(st.incidents) FILTER (WHERE st.severity = 'SEV1'), 0)::int AS sev1,
              coalesce(sum(st.incidents) FILTER (WHERE st.severity = 'SEV2'), 0)::int AS sev2,
              coalesce(sum(st.incidents) FILTER (WHERE st.severity = 'SEV3'), 0)::int AS sev3,
              coalesce(sum(st.incidents) FILTER (WHERE st.severity = 'SEV4'), 0)::int AS sev4,
              coalesce(sum(st.incidents) FILTER (WHERE st."highBlast"), 0)::int AS "highBlast",
              coalesce(sum(st.incidents) FILTER (WHERE st."aiLinked"), 0)::int AS "aiLinked"
       FROM ${weeks} AS w(wk)
       LEFT JOIN "DailyIncidentStat" st ON st.day >= w.wk::date AND st.day < w.wk::date + 7
       GROUP BY w.wk ORDER BY w.wk`,
    ],
  },
  {
    chart: "Sev2 per day",
    queries: [
      `SELECT to_char(d.day, 'YYYY-MM-DD') AS day, d.n AS count, round(d.ma, 2)::float8 AS "movingAverage"
       FROM (
         SELECT g.day, coalesce(st.n, 0)::int AS n,
                avg(coalesce(st.n, 0)::int) OVER (ORDER BY g.day ROWS BETWEEN 6 PRECEDING AND CURRENT ROW) AS ma
         FROM generate_series($1::date - 6, $2::date - 1, interval '1 day') AS g(day)
         LEFT JOIN (SELECT day, sum(incidents) AS n FROM "DailyIncidentStat"
                    WHERE severity = 'SEV2' AND day >= $1::date - 6 AND day < $2::date GROUP BY day) st ON st.day = g.day
       ) d
       WHERE d.day >= $1::date ORDER BY d.day`,
    ],
  },
  {
    chart: "change failure by week",
    queries: [
      `SELECT to_char(w.wk, 'YYYY-MM-DD') AS week,
              coalesce(sum(st.shipped) FILTER (WHERE st."aiAssisted"), 0)::int AS "aiShipped",
              coalesce(sum(st.failed) FILTER (WHERE st."aiAssisted"), 0)::int AS "aiFailed",
              coalesce(sum(st.shipped) FILTER (WHERE NOT st."aiAssisted"), 0)::int AS "otherShipped",
              coalesce(sum(st.failed) FILTER (WHERE NOT st."aiAssisted"), 0)::int AS "otherFailed"
       FROM ${weeks} AS w(wk)
       LEFT JOIN "DailyChangeStat" st ON st.day >= w.wk::date AND st.day < w.wk::date + 7
       GROUP BY w.wk ORDER BY w.wk`,
    ],
  },
  {
    chart: "failure breakdown",
    queries: [
      `SELECT CASE WHEN grouping(st."authorLevel") = 1 THEN 'tool' ELSE 'level' END AS dimension,
              coalesce(st."authorLevel", coalesce(t.name, 'Unknown tool')) AS "group",
              st."aiAssisted", sum(st.shipped)::int AS shipped, sum(st.failed)::int AS failed
       FROM "DailyChangeStat" st LEFT JOIN "AiTool" t ON t.id = st."aiToolId"
       WHERE st.day >= $1::date AND st.day < $2::date
       GROUP BY GROUPING SETS ((st."aiAssisted", coalesce(t.name, 'Unknown tool')), (st."authorLevel", st."aiAssisted"))
       HAVING grouping(st."authorLevel") = 0 OR st."aiAssisted"
       ORDER BY 1, 2, 3`,
    ],
  },
  {
    chart: "approval compliance",
    queries: [
      `SELECT to_char(w.wk, 'YYYY-MM-DD') AS "weekStart",
              coalesce(sum(st.required), 0)::int AS required, coalesce(sum(st.compliant), 0)::int AS compliant,
              coalesce(sum(st.required - st.compliant), 0)::int AS violations
       FROM ${weeks} AS w(wk)
       LEFT JOIN "DailyChangeStat" st ON st.day >= w.wk::date AND st.day < w.wk::date + 7 AND st.required > 0
       GROUP BY w.wk ORDER BY w.wk`,
      `SELECT count(*) FILTER (WHERE "approvalState" = 'PENDING')::int AS "waitingForApproval",
              count(*) FILTER (WHERE "approvalState" = 'APPROVED')::int AS "approvedNotShipped",
              count(*) FILTER (WHERE "approvalState" NOT IN ('PENDING', 'APPROVED'))::int AS "rejectedNotShipped"
       FROM "Change" WHERE "approvalRequired" AND "shippedAt" IS NULL`,
    ],
  },
  {
    chart: "action items",
    queries: [
      `SELECT to_char(w.wk, 'YYYY-MM-DD') AS week, count(a.id)::int AS due,
              (count(*) FILTER (WHERE a."completedAt" IS NOT NULL))::int AS done,
              (count(*) FILTER (WHERE a.id IS NOT NULL AND a."completedAt" IS NULL AND a."dueDate" >= $4::date))::int AS open,
              (count(*) FILTER (WHERE a.id IS NOT NULL AND a."completedAt" IS NULL AND a."dueDate" < $4::date))::int AS overdue
       FROM ${weeks} AS w(wk)
       LEFT JOIN "ActionItem" a ON a."dueDate" >= w.wk::date AND a."dueDate" < w.wk::date + 7
       GROUP BY w.wk ORDER BY w.wk`,
      `SELECT count(*)::int AS "openNow", (count(*) FILTER (WHERE "dueDate" < $4::date))::int AS "overdueNow"
       FROM "ActionItem" WHERE "completedAt" IS NULL`,
    ],
  },
  {
    chart: "AI vs other",
    queries: [
      `SELECT sv.tier::text AS tier, st.kind::text AS kind, st."aiAssisted" AS ai, st.band, st.involvement, st.mismatch,
              grouping(sv.tier, st.band, st.involvement, st.mismatch) AS g,
              sum(st.changes)::int AS total, sum(st.failed)::int AS failed
       FROM "DailyAiStat" st JOIN "Service" sv ON sv.id = st."serviceId"
       WHERE st.day >= $1::date AND st.day < $2::date
       GROUP BY GROUPING SETS ((sv.tier, st.kind, st."aiAssisted"), (st.band), (st."aiAssisted", st.involvement), (st.mismatch))`,
    ],
  },
];
