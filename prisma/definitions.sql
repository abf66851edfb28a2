-- The definitions of Faultline's figures (PRODUCT.md, "Definitions"), once, in the database.
-- Repeatable: lib/server/db/migrate.ts runs this whole file after the migrations on every
-- start, under the migration lock, in one transaction — so everything here must be
-- CREATE OR REPLACE (idempotent). Dashboard, weekly report, CSVs and API read these views;
-- the daily statistics are kept by the triggers at the end.
-- See docs/decisions/019-trigger-kept-statistics.md.

-- A link makes a change failed (and its incident AI-linked, if the change was AI-assisted)
-- when its role is trigger or root cause. Contributing and suspected links do not.
CREATE OR REPLACE VIEW "FailingLink" AS
SELECT l."incidentId", l."changeId"
FROM "IncidentChange" l
WHERE l.role IN ('TRIGGER', 'ROOT_CAUSE');

-- Approval compliance of a change: NOT_REQUIRED; PENDING (required, not shipped yet — on
-- screen "waiting for approval" or "approved, not shipped yet"); COMPLIANT (shipped with an
-- approval given before it shipped); VIOLATION (shipped without it: missing or rejected).
CREATE OR REPLACE FUNCTION "faultline_approval_compliance"(
  required boolean, state "ApprovalState", decided_at timestamptz, shipped_at timestamptz
) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE
    WHEN NOT required THEN 'NOT_REQUIRED'
    WHEN shipped_at IS NULL THEN 'PENDING'
    WHEN state = 'APPROVED' AND decided_at IS NOT NULL AND decided_at <= shipped_at THEN 'COMPLIANT'
    ELSE 'VIOLATION'
  END
$$;

-- The measured AI-share band of a change's evidence (lib/domain/attribution/ai-share.ts,
-- AI_SHARE_BAND_BOUNDS): NONE (0), LOW (up to 20 %), MID (up to 60 %), HIGH (above), or
-- NO_EVIDENCE when there is no evidence or it covers no line.
CREATE OR REPLACE FUNCTION "faultline_ai_share_band"(share double precision) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN share IS NULL THEN 'NO_EVIDENCE'
              WHEN share <= 0::float8 THEN 'NONE'
              WHEN share <= 0.2::float8 THEN 'LOW'
              WHEN share <= 0.6::float8 THEN 'MID'
              ELSE 'HIGH' END
$$;

-- A change failed when it was rolled back or has a failing link. It counts in the day and
-- week it shipped (an unshipped change is in no week), with the dimensions the statistics
-- keep (service, AI-assisted, AI tool, author level as recorded).
CREATE OR REPLACE VIEW "ChangeOutcome" AS
SELECT c.id,
       c."shippedAt",
       c."serviceId",
       c."aiAssisted",
       c."aiToolId",
       c."authorLevel",
       (c."rolledBackAt" IS NOT NULL OR EXISTS (SELECT 1 FROM "FailingLink" f WHERE f."changeId" = c.id)) AS failed,
       "faultline_approval_compliance"(c."approvalRequired", c."approvalState", c."approvalDecidedAt", c."shippedAt") AS compliance
FROM "Change" c;

-- "resolvedHours" was numeric (extract) until decision 024; a float (date_part) sorts and
-- interpolates in a third of the time. A view's column type cannot be replaced, so the old
-- view goes once.
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM information_schema.columns
             WHERE table_schema = current_schema() AND table_name = 'IncidentOutcome'
               AND column_name = 'resolvedHours' AND data_type = 'numeric') THEN
    DROP VIEW "IncidentOutcome";
  END IF;
END;
$$;

-- An incident counts in the day and week its impact started. It is AI-linked when one of its
-- failing links is to an AI-assisted change; its blast radius is high when the level is HIGH
-- or CRITICAL. Time to resolve = resolved − impact started, in hours; the time-to-resolve
-- population of a week is that week's resolved incidents ("resolvedHours" is NULL while open).
CREATE OR REPLACE VIEW "IncidentOutcome" AS
SELECT i.id,
       i."impactStartedAt",
       i.severity,
       i."blastRadiusLevel" IN ('HIGH', 'CRITICAL') AS "highBlast",
       EXISTS (
         SELECT 1 FROM "FailingLink" f JOIN "Change" ch ON ch.id = f."changeId"
         WHERE f."incidentId" = i.id AND ch."aiAssisted"
       ) AS "aiLinked",
       date_part('epoch', i."resolvedAt" - i."impactStartedAt") / 3600 AS "resolvedHours"
FROM "Incident" i;

-- ---------------------------------------------------------------------------------------
-- Daily statistics (DailyChangeStat, DailyIncidentStat), by calendar day in the org's zone.
-- Locks: one advisory lock per change day (727074) and per incident week (727075, keyed by
-- the week's Monday: the weekly time-to-resolve rollup is made from a whole week of days),
-- always taken in date order, change days before incident weeks, and only after the row locks
-- a writer needs — so writers cannot deadlock on them. A recompute holds its days or weeks
-- exclusively; a delta (change writes) holds its days shared, since deltas commute.
-- ---------------------------------------------------------------------------------------

CREATE OR REPLACE FUNCTION "faultline_lock_days"(lock_class int, days date[], shared boolean) RETURNS void
-- Planned once per session: re-planning these statements on every write cost ~5 ms a change.
LANGUAGE plpgsql SET plan_cache_mode = force_generic_plan AS $$
BEGIN
  -- One statement, days in order (a loop of PERFORMs cost ~0.1 ms a day).
  IF shared THEN
    PERFORM count(pg_advisory_xact_lock_shared(lock_class, d - date '2000-01-01'))
    FROM (SELECT DISTINCT x AS d FROM unnest(days) AS x WHERE x IS NOT NULL ORDER BY 1) AS t;
  ELSE
    PERFORM count(pg_advisory_xact_lock(lock_class, d - date '2000-01-01'))
    FROM (SELECT DISTINCT x AS d FROM unnest(days) AS x WHERE x IS NOT NULL ORDER BY 1) AS t;
  END IF;
END;
$$;

-- Recomputes the AI-comparison rollup of whole days (the caller holds the days' locks).
CREATE OR REPLACE FUNCTION "faultline_refresh_ai_days"(todo date[], tz text) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "DailyAiStat" WHERE "day" = ANY(todo);
  INSERT INTO "DailyAiStat" ("day", "serviceId", "kind", "aiAssisted", "involvement", "band", "mismatch", "changes", "failed")
  SELECT dd.day, c."serviceId", ch.kind, c."aiAssisted", coalesce(ch."aiInvolvement"::text, 'UNSPECIFIED'),
         "faultline_ai_share_band"(a."aiShare"), coalesce(a.mismatch, false), count(*), count(*) FILTER (WHERE c.failed)
  FROM unnest(todo) AS dd(day)
  JOIN "ChangeOutcome" c ON c."shippedAt" >= (dd.day::timestamp AT TIME ZONE tz) AND c."shippedAt" < ((dd.day + 1)::timestamp AT TIME ZONE tz)
  JOIN "Change" ch ON ch.id = c.id
  LEFT JOIN "ChangeAttribution" a ON a."changeId" = c.id
  GROUP BY 1, 2, 3, 4, 5, 6, 7;
END;
$$;

-- Recomputes the change statistics of whole days from the base tables.
CREATE OR REPLACE FUNCTION "faultline_refresh_change_days"(days date[]) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  tz text := "faultline_time_zone"();
  todo date[] := (SELECT array_agg(DISTINCT x ORDER BY x) FROM unnest(days) AS x WHERE x IS NOT NULL);
BEGIN
  IF todo IS NULL THEN RETURN; END IF;
  PERFORM "faultline_lock_days"(727074, todo, false);
  DELETE FROM "DailyChangeStat" WHERE "day" = ANY(todo);
  INSERT INTO "DailyChangeStat" ("day", "serviceId", "aiAssisted", "aiToolId", "authorLevel", "shipped", "failed", "required", "compliant")
  SELECT dd.day, c."serviceId", c."aiAssisted", coalesce(c."aiToolId", 0), coalesce(c."authorLevel"::text, 'UNKNOWN'),
         count(*), count(*) FILTER (WHERE c.failed), count(*) FILTER (WHERE c.compliance <> 'NOT_REQUIRED'),
         count(*) FILTER (WHERE c.compliance = 'COMPLIANT')
  FROM unnest(todo) AS dd(day)
  JOIN "ChangeOutcome" c ON c."shippedAt" >= (dd.day::timestamp AT TIME ZONE tz) AND c."shippedAt" < ((dd.day + 1)::timestamp AT TIME ZONE tz)
  GROUP BY 1, 2, 3, 4, 5;
  PERFORM "faultline_refresh_ai_days"(todo, tz);
END;
$$;

-- percentile_cont of values sorted ascending, without a sort: the same positions and the same
-- float arithmetic as PostgreSQL's percentile_cont (orderedsetaggs.c), so the figures are equal
-- to the last bit. NULL for no values.
CREATE OR REPLACE FUNCTION "faultline_percentile_cont"(sorted double precision[], fraction double precision)
RETURNS double precision LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT CASE WHEN cardinality(sorted) > 0 THEN
    sorted[lo + 1] + (sorted[hi + 1] - sorted[lo + 1]) * (pos - lo)
  END
  FROM (SELECT fraction * (cardinality(sorted) - 1) AS pos) AS p,
       LATERAL (SELECT floor(p.pos)::int AS lo, ceil(p.pos)::int AS hi) AS i
$$;

-- Recomputes the incident statistics of whole days of impact start, then the time-to-resolve
-- rollup of their weeks. The weeks' locks are held to the end of the transaction, so each
-- week's rollup is made after every other writer of that week has committed: each statement
-- here sees what committed before it (READ COMMITTED).
-- One statement per day, planned with that day's bounds (force_custom_plan): the planner then
-- knows a day holds ~1,000 incidents, not a ninth of all of them, and looks up each one's
-- "aiLinked" by index instead of hashing the failing links of every AI-assisted change —
-- ~11 ms a day instead of ~240 ms on the 1M-change benchmark database (decision 038).
CREATE OR REPLACE FUNCTION "faultline_refresh_incident_days"(days date[]) RETURNS void
LANGUAGE plpgsql SET plan_cache_mode = force_custom_plan AS $$
DECLARE
  tz text := "faultline_time_zone"();
  todo date[] := (SELECT array_agg(DISTINCT x ORDER BY x) FROM unnest(days) AS x WHERE x IS NOT NULL);
  weeks date[] := (SELECT array_agg(DISTINCT date_trunc('week', x)::date ORDER BY date_trunc('week', x)::date)
                   FROM unnest(todo) AS x);
  d date;
  day_start timestamptz;
  day_end timestamptz;
BEGIN
  IF todo IS NULL THEN RETURN; END IF;
  PERFORM "faultline_lock_days"(727075, weeks, false);
  DELETE FROM "DailyIncidentStat" WHERE "day" = ANY(todo);
  FOREACH d IN ARRAY todo LOOP
    day_start := d::timestamp AT TIME ZONE tz;
    day_end := (d + 1)::timestamp AT TIME ZONE tz;
    INSERT INTO "DailyIncidentStat" ("day", "severity", "highBlast", "aiLinked", "incidents", "resolvedHours")
    SELECT d, i.severity, i."highBlast", i."aiLinked", count(*),
           coalesce(array_agg(i."resolvedHours" ORDER BY i."resolvedHours") FILTER (WHERE i."resolvedHours" IS NOT NULL), '{}')
    FROM "IncidentOutcome" i
    WHERE i."impactStartedAt" >= day_start AND i."impactStartedAt" < day_end
    GROUP BY 2, 3, 4;
  END LOOP;
  DELETE FROM "WeeklyResolveStat" WHERE "week" = ANY(weeks);
  INSERT INTO "WeeklyResolveStat" ("week", "severity", "hours")
  SELECT w.week, CASE WHEN grouping(st.severity) = 1 THEN 'ALL' ELSE st.severity::text END,
         array_agg(h.hours ORDER BY h.hours)
  FROM unnest(weeks) AS w(week)
  JOIN "DailyIncidentStat" st ON st."day" >= w.week AND st."day" < w.week + 7
  CROSS JOIN unnest(st."resolvedHours") AS h(hours)
  GROUP BY GROUPING SETS ((w.week), (w.week, st.severity));
END;
$$;

-- The days of some changes and incidents, as they are now. Row locks first (FOR SHARE): a
-- concurrent writer that moves one of them to another day finishes before we read its day,
-- or waits for us — so the day recomputed is the day the row ends up on.
CREATE OR REPLACE FUNCTION "faultline_refresh_stats"(change_ids int[], incident_ids int[]) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  tz text := "faultline_time_zone"();
  change_days date[];
  incident_days date[];
BEGIN
  change_days := ARRAY(SELECT ("shippedAt" AT TIME ZONE tz)::date FROM "Change"
                       WHERE id = ANY(change_ids) ORDER BY id FOR SHARE);
  incident_days := ARRAY(SELECT ("impactStartedAt" AT TIME ZONE tz)::date FROM "Incident"
                         WHERE id = ANY(incident_ids) ORDER BY id FOR SHARE);
  PERFORM "faultline_refresh_change_days"(change_days);
  PERFORM "faultline_refresh_incident_days"(incident_days);
END;
$$;

-- Everything again: after bulk loads, and when the organisation's time zone changes.
CREATE OR REPLACE FUNCTION "faultline_rebuild_stats"() RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  tz text := "faultline_time_zone"();
BEGIN
  PERFORM "faultline_refresh_change_days"(ARRAY(
    SELECT DISTINCT ("shippedAt" AT TIME ZONE tz)::date FROM "Change" WHERE "shippedAt" IS NOT NULL
    UNION SELECT "day" FROM "DailyChangeStat" UNION SELECT "day" FROM "DailyAiStat"));
  PERFORM "faultline_refresh_incident_days"(ARRAY(
    SELECT DISTINCT ("impactStartedAt" AT TIME ZONE tz)::date FROM "Incident"
    UNION SELECT "day" FROM "DailyIncidentStat" UNION SELECT "week" FROM "WeeklyResolveStat"));
END;
$$;

-- Adds per-day deltas (shipped, failed, required, compliant may be negative) to the change
-- statistics, holding the days' locks in shared mode: deltas commute with one another, and a
-- recompute (exclusive) neither loses nor double-counts them.
CREATE OR REPLACE FUNCTION "faultline_add_change_stats"(deltas "DailyChangeStat"[]) RETURNS void
-- Planned once per session: re-planning these statements on every write cost ~5 ms a change.
LANGUAGE plpgsql SET plan_cache_mode = force_generic_plan AS $$
BEGIN
  IF coalesce(cardinality(deltas), 0) = 0 THEN RETURN; END IF;
  PERFORM "faultline_lock_days"(727074, ARRAY(SELECT d.day FROM unnest(deltas) d), true);
  INSERT INTO "DailyChangeStat" AS s ("day", "serviceId", "aiAssisted", "aiToolId", "authorLevel", "shipped", "failed", "required", "compliant")
  SELECT d.* FROM unnest(deltas) d
  WHERE d.shipped <> 0 OR d.failed <> 0 OR d.required <> 0 OR d.compliant <> 0
  ORDER BY 1, 2, 3, 4, 5
  ON CONFLICT ("day", "serviceId", "aiAssisted", "aiToolId", "authorLevel") DO UPDATE SET
    "shipped" = s."shipped" + excluded."shipped", "failed" = s."failed" + excluded."failed",
    "required" = s."required" + excluded."required", "compliant" = s."compliant" + excluded."compliant";
  -- A recompute never writes empty rows; only a removal can empty one.
  DELETE FROM "DailyChangeStat" s
  WHERE s."shipped" = 0 AND s."day" = ANY(ARRAY(SELECT d.day FROM unnest(deltas) d WHERE d.shipped < 0));
END;
$$;

-- The same for the AI-comparison rollup (changes and failed may be negative).
CREATE OR REPLACE FUNCTION "faultline_add_ai_stats"(deltas "DailyAiStat"[]) RETURNS void
LANGUAGE plpgsql SET plan_cache_mode = force_generic_plan AS $$
BEGIN
  IF coalesce(cardinality(deltas), 0) = 0 THEN RETURN; END IF;
  PERFORM "faultline_lock_days"(727074, ARRAY(SELECT d.day FROM unnest(deltas) d), true);
  INSERT INTO "DailyAiStat" AS s ("day", "serviceId", "kind", "aiAssisted", "involvement", "band", "mismatch", "changes", "failed")
  SELECT d.* FROM unnest(deltas) d
  WHERE d.changes <> 0 OR d.failed <> 0
  ORDER BY 1, 2, 3, 4, 5, 6, 7
  ON CONFLICT ("day", "serviceId", "kind", "aiAssisted", "involvement", "band", "mismatch") DO UPDATE SET
    "changes" = s."changes" + excluded."changes", "failed" = s."failed" + excluded."failed";
  DELETE FROM "DailyAiStat" s
  WHERE s."changes" = 0 AND s."day" = ANY(ARRAY(SELECT d.day FROM unnest(deltas) d WHERE d.changes < 0));
END;
$$;

-- Change written: what the statement's OLD rows contributed comes off their days and what its
-- NEW rows contribute goes on; unchanged rows cancel out (OLD is the version this statement replaced, not a snapshot of
-- it, so a concurrent writer of the same row cannot make the subtraction land on a stale
-- day). "failed" and compliance are computed as in "ChangeOutcome". A deleted change's links
-- are already gone (cascade) when this runs, so its days are recomputed instead. When
-- "AI-assisted" changed, the incidents it failed recompute their days.
CREATE OR REPLACE FUNCTION "faultline_change_stats_trigger"() RETURNS trigger
-- Planned once per session: re-planning these statements on every write cost ~5 ms a change.
LANGUAGE plpgsql SET plan_cache_mode = force_generic_plan AS $$
DECLARE
  tz text := "faultline_time_zone"();
  deltas "DailyChangeStat"[];
  incidents int[];
BEGIN
  IF TG_OP = 'DELETE' THEN
    PERFORM "faultline_refresh_change_days"(ARRAY(
      SELECT (o."shippedAt" AT TIME ZONE tz)::date FROM old_rows o WHERE o."shippedAt" IS NOT NULL));
    RETURN NULL;
  END IF;
  IF TG_OP = 'INSERT' THEN
    deltas := ARRAY(
      SELECT ROW(day, service, ai, tool, level, sum(sign)::int, coalesce(sum(sign) FILTER (WHERE failed), 0)::int,
                 coalesce(sum(sign) FILTER (WHERE compliance <> 'NOT_REQUIRED'), 0)::int,
                 coalesce(sum(sign) FILTER (WHERE compliance = 'COMPLIANT'), 0)::int)::"DailyChangeStat"
      FROM (
        SELECT 1 AS sign, (v."shippedAt" AT TIME ZONE tz)::date AS day, v."serviceId" AS service, v."aiAssisted" AS ai,
               coalesce(v."aiToolId", 0) AS tool, coalesce(v."authorLevel"::text, 'UNKNOWN') AS level,
               v."rolledBackAt" IS NOT NULL OR EXISTS (SELECT 1 FROM "FailingLink" f WHERE f."changeId" = v.id) AS failed,
               "faultline_approval_compliance"(v."approvalRequired", v."approvalState", v."approvalDecidedAt", v."shippedAt") AS compliance
        FROM new_rows v WHERE v."shippedAt" IS NOT NULL
      ) c
      GROUP BY day, service, ai, tool, level);
    PERFORM "faultline_add_change_stats"(deltas);
    -- A new change has no attribution evidence yet (its row must exist first).
    PERFORM "faultline_add_ai_stats"(ARRAY(
      SELECT ROW(day, service, kind, ai, involvement, 'NO_EVIDENCE', false, count(*)::int,
                 (count(*) FILTER (WHERE failed))::int)::"DailyAiStat"
      FROM (
        SELECT (v."shippedAt" AT TIME ZONE tz)::date AS day, v."serviceId" AS service, v.kind, v."aiAssisted" AS ai,
               coalesce(v."aiInvolvement"::text, 'UNSPECIFIED') AS involvement,
               v."rolledBackAt" IS NOT NULL OR EXISTS (SELECT 1 FROM "FailingLink" f WHERE f."changeId" = v.id) AS failed
        FROM new_rows v WHERE v."shippedAt" IS NOT NULL
      ) c
      GROUP BY day, service, kind, ai, involvement));
    RETURN NULL;
  END IF;
  -- UPDATE: every OLD row comes off and every NEW row goes on; rows whose counted columns
  -- did not change cancel out in the sums (no join of OLD and NEW: a cached plan stays good
  -- whatever the batch size).
  deltas := ARRAY(
    WITH versions AS (
      SELECT -1 AS sign, o.* FROM old_rows o
      UNION ALL
      SELECT 1, n.* FROM new_rows n
    )
    SELECT ROW(day, service, ai, tool, level, sum(sign)::int, coalesce(sum(sign) FILTER (WHERE failed), 0)::int,
               coalesce(sum(sign) FILTER (WHERE compliance <> 'NOT_REQUIRED'), 0)::int,
               coalesce(sum(sign) FILTER (WHERE compliance = 'COMPLIANT'), 0)::int)::"DailyChangeStat"
    FROM (
      SELECT v.sign, (v."shippedAt" AT TIME ZONE tz)::date AS day, v."serviceId" AS service, v."aiAssisted" AS ai,
             coalesce(v."aiToolId", 0) AS tool, coalesce(v."authorLevel"::text, 'UNKNOWN') AS level,
             v."rolledBackAt" IS NOT NULL OR EXISTS (SELECT 1 FROM "FailingLink" f WHERE f."changeId" = v.id) AS failed,
             "faultline_approval_compliance"(v."approvalRequired", v."approvalState", v."approvalDecidedAt", v."shippedAt") AS compliance
      FROM versions v WHERE v."shippedAt" IS NOT NULL
    ) c
    GROUP BY day, service, ai, tool, level);
  PERFORM "faultline_add_change_stats"(deltas);
  -- The AI-comparison rollup the same way, with the change's evidence as it stands (evidence
  -- written in this transaction has already moved its own counts; see the attribution trigger).
  PERFORM "faultline_add_ai_stats"(ARRAY(
    WITH versions AS (
      SELECT -1 AS sign, o.* FROM old_rows o
      UNION ALL
      SELECT 1, n.* FROM new_rows n
    )
    SELECT ROW(day, service, kind, ai, involvement, band, mismatch, sum(sign)::int,
               coalesce(sum(sign) FILTER (WHERE failed), 0)::int)::"DailyAiStat"
    FROM (
      SELECT v.sign, (v."shippedAt" AT TIME ZONE tz)::date AS day, v."serviceId" AS service, v.kind, v."aiAssisted" AS ai,
             coalesce(v."aiInvolvement"::text, 'UNSPECIFIED') AS involvement,
             "faultline_ai_share_band"(a."aiShare") AS band, coalesce(a.mismatch, false) AS mismatch,
             v."rolledBackAt" IS NOT NULL OR EXISTS (SELECT 1 FROM "FailingLink" f WHERE f."changeId" = v.id) AS failed
      FROM versions v LEFT JOIN "ChangeAttribution" a ON a."changeId" = v.id
      WHERE v."shippedAt" IS NOT NULL
    ) c
    GROUP BY day, service, kind, ai, involvement, band, mismatch));
  incidents := ARRAY(
    SELECT DISTINCT f."incidentId" FROM "FailingLink" f
    WHERE f."changeId" IN (
      SELECT v.id FROM (SELECT o.id, o."aiAssisted" FROM old_rows o UNION ALL SELECT n.id, n."aiAssisted" FROM new_rows n) v
      GROUP BY v.id HAVING bool_or(v."aiAssisted") <> bool_and(v."aiAssisted")));
  IF cardinality(incidents) > 0 THEN
    PERFORM "faultline_refresh_stats"('{}', incidents);
  END IF;
  RETURN NULL;
END;
$$;

-- Link written: only links whose failing-ness changed matter; the changes and incidents on
-- both ends recompute their days.
CREATE OR REPLACE FUNCTION "faultline_link_stats_trigger"() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  touched_changes int[];
  touched_incidents int[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(DISTINCT n."changeId"), array_agg(DISTINCT n."incidentId") INTO touched_changes, touched_incidents
    FROM new_rows n WHERE n.role IN ('TRIGGER', 'ROOT_CAUSE');
  ELSIF TG_OP = 'DELETE' THEN
    SELECT array_agg(DISTINCT o."changeId"), array_agg(DISTINCT o."incidentId") INTO touched_changes, touched_incidents
    FROM old_rows o WHERE o.role IN ('TRIGGER', 'ROOT_CAUSE');
  ELSE
    SELECT array_agg(DISTINCT n."changeId"), array_agg(DISTINCT n."incidentId") INTO touched_changes, touched_incidents
    FROM old_rows o JOIN new_rows n ON n."incidentId" = o."incidentId" AND n."changeId" = o."changeId"
    WHERE (o.role IN ('TRIGGER', 'ROOT_CAUSE')) <> (n.role IN ('TRIGGER', 'ROOT_CAUSE'));
  END IF;
  IF touched_changes IS NOT NULL THEN
    PERFORM "faultline_refresh_stats"(touched_changes, touched_incidents);
  END IF;
  RETURN NULL;
END;
$$;

-- Attribution evidence written: each OLD version's band and mismatch (NO_EVIDENCE before an
-- insert) come off the change's day and each NEW version's (NO_EVIDENCE after a delete) go on. The changes' row locks come first (FOR SHARE): a concurrent
-- edit of one of them finishes before we read its day and dimensions, or waits for us and then
-- reads this evidence. A change deleted in this statement (cascade) is recomputed by its own trigger.
CREATE OR REPLACE FUNCTION "faultline_attribution_stats_trigger"() RETURNS trigger
LANGUAGE plpgsql SET plan_cache_mode = force_generic_plan AS $$
DECLARE
  tz text := "faultline_time_zone"();
  ids int[];
  signs int[];
  shares double precision[];
  flags boolean[];
BEGIN
  -- Without evidence a change counts as NO_EVIDENCE (share NULL), without mismatch.
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(n."changeId"), array_agg(v.sign), array_agg(v.share), array_agg(v.flag)
    INTO ids, signs, shares, flags
    FROM new_rows n, LATERAL (VALUES (-1, NULL::float8, false), (1, n."aiShare", n.mismatch)) AS v(sign, share, flag);
  ELSIF TG_OP = 'DELETE' THEN
    SELECT array_agg(o."changeId"), array_agg(v.sign), array_agg(v.share), array_agg(v.flag)
    INTO ids, signs, shares, flags
    FROM old_rows o, LATERAL (VALUES (-1, o."aiShare", o.mismatch), (1, NULL::float8, false)) AS v(sign, share, flag);
  ELSE
    SELECT array_agg(v.id), array_agg(v.sign), array_agg(v.share), array_agg(v.flag)
    INTO ids, signs, shares, flags
    FROM (
      SELECT o."changeId" AS id, -1 AS sign, o."aiShare" AS share, o.mismatch AS flag FROM old_rows o
      UNION ALL
      SELECT n."changeId", 1, n."aiShare", n.mismatch FROM new_rows n
    ) v;
  END IF;
  IF ids IS NULL THEN RETURN NULL; END IF;
  PERFORM 1 FROM "Change" WHERE id = ANY(ids) ORDER BY id FOR SHARE;
  PERFORM "faultline_add_ai_stats"(ARRAY(
    SELECT ROW(day, service, kind, ai, involvement, band, mismatch, sum(sign)::int,
               coalesce(sum(sign) FILTER (WHERE failed), 0)::int)::"DailyAiStat"
    FROM (
      SELECT v.sign, (c."shippedAt" AT TIME ZONE tz)::date AS day, c."serviceId" AS service, c.kind, c."aiAssisted" AS ai,
             coalesce(c."aiInvolvement"::text, 'UNSPECIFIED') AS involvement,
             "faultline_ai_share_band"(v.share) AS band, v.flag AS mismatch,
             c."rolledBackAt" IS NOT NULL OR EXISTS (SELECT 1 FROM "FailingLink" f WHERE f."changeId" = c.id) AS failed
      FROM unnest(ids, signs, shares, flags) AS v(id, sign, share, flag)
      JOIN "Change" c ON c.id = v.id
      WHERE c."shippedAt" IS NOT NULL
    ) x
    GROUP BY day, service, kind, ai, involvement, band, mismatch));
  RETURN NULL;
END;
$$;

-- Incident written: the days it left and the days it is on now, when a counted column changed.
CREATE OR REPLACE FUNCTION "faultline_incident_stats_trigger"() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  tz text := "faultline_time_zone"();
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM "faultline_refresh_incident_days"(ARRAY(SELECT (n."impactStartedAt" AT TIME ZONE tz)::date FROM new_rows n));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM "faultline_refresh_incident_days"(ARRAY(SELECT (o."impactStartedAt" AT TIME ZONE tz)::date FROM old_rows o));
  ELSE
    PERFORM "faultline_refresh_incident_days"(ARRAY(
      SELECT d FROM old_rows o JOIN new_rows n ON n.id = o.id,
             LATERAL (VALUES ((o."impactStartedAt" AT TIME ZONE tz)::date), ((n."impactStartedAt" AT TIME ZONE tz)::date)) AS v(d)
      WHERE (o."impactStartedAt", o.severity, o."blastRadiusLevel", o."resolvedAt")
            IS DISTINCT FROM (n."impactStartedAt", n.severity, n."blastRadiusLevel", n."resolvedAt")));
  END IF;
  RETURN NULL;
END;
$$;

CREATE OR REPLACE TRIGGER "Change_stats_insert" AFTER INSERT ON "Change"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "faultline_change_stats_trigger"();
CREATE OR REPLACE TRIGGER "Change_stats_update" AFTER UPDATE ON "Change"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "faultline_change_stats_trigger"();
CREATE OR REPLACE TRIGGER "Change_stats_delete" AFTER DELETE ON "Change"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "faultline_change_stats_trigger"();

CREATE OR REPLACE TRIGGER "IncidentChange_stats_insert" AFTER INSERT ON "IncidentChange"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "faultline_link_stats_trigger"();
CREATE OR REPLACE TRIGGER "IncidentChange_stats_update" AFTER UPDATE ON "IncidentChange"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "faultline_link_stats_trigger"();
CREATE OR REPLACE TRIGGER "IncidentChange_stats_delete" AFTER DELETE ON "IncidentChange"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "faultline_link_stats_trigger"();

CREATE OR REPLACE TRIGGER "Incident_stats_insert" AFTER INSERT ON "Incident"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "faultline_incident_stats_trigger"();
CREATE OR REPLACE TRIGGER "Incident_stats_update" AFTER UPDATE ON "Incident"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "faultline_incident_stats_trigger"();
CREATE OR REPLACE TRIGGER "Incident_stats_delete" AFTER DELETE ON "Incident"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "faultline_incident_stats_trigger"();

CREATE OR REPLACE TRIGGER "ChangeAttribution_stats_insert" AFTER INSERT ON "ChangeAttribution"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "faultline_attribution_stats_trigger"();
CREATE OR REPLACE TRIGGER "ChangeAttribution_stats_update" AFTER UPDATE ON "ChangeAttribution"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "faultline_attribution_stats_trigger"();
CREATE OR REPLACE TRIGGER "ChangeAttribution_stats_delete" AFTER DELETE ON "ChangeAttribution"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "faultline_attribution_stats_trigger"();

-- Fills the AI-comparison rollup once, on the first start after its migration: shipped changes
-- exist but the rollup is empty (afterwards it is never empty while a shipped change exists).
DO $$
DECLARE
  tz text := "faultline_time_zone"();
  todo date[];
BEGIN
  IF NOT EXISTS (SELECT 1 FROM "DailyAiStat") AND EXISTS (SELECT 1 FROM "Change" WHERE "shippedAt" IS NOT NULL) THEN
    todo := ARRAY(SELECT DISTINCT ("shippedAt" AT TIME ZONE tz)::date FROM "Change" WHERE "shippedAt" IS NOT NULL ORDER BY 1);
    PERFORM "faultline_lock_days"(727074, todo, false);
    PERFORM "faultline_refresh_ai_days"(todo, tz);
  END IF;
END;
$$;

-- Fills the time-to-resolve values of the incident rollups (daily values, weekly sorted values)
-- once, on the first start after their migrations: an incident is resolved but no weekly row
-- exists yet (afterwards every week with a resolved incident has one).
DO $$
DECLARE
  tz text := "faultline_time_zone"();
BEGIN
  IF EXISTS (SELECT 1 FROM "Incident" WHERE "resolvedAt" IS NOT NULL)
     AND NOT EXISTS (SELECT 1 FROM "WeeklyResolveStat") THEN
    PERFORM "faultline_refresh_incident_days"(ARRAY(
      SELECT DISTINCT ("impactStartedAt" AT TIME ZONE tz)::date FROM "Incident" WHERE "resolvedAt" IS NOT NULL));
  END IF;
END;
$$;

-- Partial indexes for the dashboard's "now" figures (decision 024). Kept here rather than in a
-- migration because Prisma's schema cannot express a partial index (a migration's index the
-- schema does not know would be dropped by the next generated migration). IF NOT EXISTS: built
-- once, a no-op on later starts.
-- Required changes not shipped yet (approvals: waiting / approved / rejected, not shipped).
CREATE INDEX IF NOT EXISTS "Change_unshipped_required_idx" ON "Change" ("approvalState", "serviceId")
  INCLUDE ("approvalDecidedAt") WHERE "approvalRequired" AND "shippedAt" IS NULL;
-- Open action items (open now, overdue now).
CREATE INDEX IF NOT EXISTS "ActionItem_open_dueDate_idx" ON "ActionItem" ("dueDate", "incidentId")
  WHERE "completedAt" IS NULL;
