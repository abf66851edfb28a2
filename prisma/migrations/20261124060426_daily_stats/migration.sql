-- CreateTable
CREATE TABLE "DailyChangeStat" (
    "day" DATE NOT NULL,
    "serviceId" INTEGER NOT NULL,
    "aiAssisted" BOOLEAN NOT NULL,
    "aiToolId" INTEGER NOT NULL,
    "authorLevel" TEXT NOT NULL,
    "shipped" INTEGER NOT NULL,
    "failed" INTEGER NOT NULL,
    "required" INTEGER NOT NULL,
    "compliant" INTEGER NOT NULL,

    CONSTRAINT "DailyChangeStat_pkey" PRIMARY KEY ("day","serviceId","aiAssisted","aiToolId","authorLevel")
);

-- CreateTable
CREATE TABLE "DailyIncidentStat" (
    "day" DATE NOT NULL,
    "severity" "Severity" NOT NULL,
    "highBlast" BOOLEAN NOT NULL,
    "aiLinked" BOOLEAN NOT NULL,
    "incidents" INTEGER NOT NULL,

    CONSTRAINT "DailyIncidentStat_pkey" PRIMARY KEY ("day","severity","highBlast","aiLinked")
);

-- Written by hand: how the statistics are derived. The services call these functions in
-- the transaction of every write that changes a counted fact; see
-- docs/decisions/006-dashboard-rollups.md.

CREATE FUNCTION "faultline_time_zone"() RETURNS text
LANGUAGE sql STABLE AS $$
  SELECT coalesce((SELECT "timeZone" FROM "OrgSettings" WHERE id = 1), 'UTC')
$$;

-- Recomputes the change statistics of whole days (calendar days in the org's time zone).
CREATE FUNCTION "faultline_refresh_change_days"(days date[]) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  tz text := "faultline_time_zone"();
  todo date[] := (SELECT array_agg(DISTINCT x ORDER BY x) FROM unnest(days) AS x WHERE x IS NOT NULL);
  d date;
BEGIN
  IF todo IS NULL THEN RETURN; END IF;
  -- One writer per day at a time; days in order, so two writers cannot deadlock.
  FOREACH d IN ARRAY todo LOOP
    PERFORM pg_advisory_xact_lock(727074, d - date '2000-01-01');
  END LOOP;
  DELETE FROM "DailyChangeStat" WHERE "day" = ANY(todo);
  INSERT INTO "DailyChangeStat" ("day", "serviceId", "aiAssisted", "aiToolId", "authorLevel", "shipped", "failed", "required", "compliant")
  SELECT dd.day, c."serviceId", c."aiAssisted", coalesce(c."aiToolId", 0), coalesce(c."authorLevel"::text, 'UNKNOWN'),
         count(*),
         count(*) FILTER (WHERE c."rolledBackAt" IS NOT NULL OR EXISTS (
           SELECT 1 FROM "IncidentChange" l WHERE l."changeId" = c.id AND l.role IN ('TRIGGER', 'ROOT_CAUSE'))),
         count(*) FILTER (WHERE c."approvalRequired"),
         count(*) FILTER (WHERE c."approvalRequired" AND c."approvalState" = 'APPROVED' AND c."approvalDecidedAt" <= c."shippedAt")
  FROM unnest(todo) AS dd(day)
  JOIN "Change" c ON c."shippedAt" >= (dd.day::timestamp AT TIME ZONE tz) AND c."shippedAt" < ((dd.day + 1)::timestamp AT TIME ZONE tz)
  GROUP BY 1, 2, 3, 4, 5;
END;
$$;

-- Recomputes the incident statistics of whole days of impact start.
CREATE FUNCTION "faultline_refresh_incident_days"(days date[]) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  tz text := "faultline_time_zone"();
  todo date[] := (SELECT array_agg(DISTINCT x ORDER BY x) FROM unnest(days) AS x WHERE x IS NOT NULL);
  d date;
BEGIN
  IF todo IS NULL THEN RETURN; END IF;
  FOREACH d IN ARRAY todo LOOP
    PERFORM pg_advisory_xact_lock(727075, d - date '2000-01-01');
  END LOOP;
  DELETE FROM "DailyIncidentStat" WHERE "day" = ANY(todo);
  INSERT INTO "DailyIncidentStat" ("day", "severity", "highBlast", "aiLinked", "incidents")
  SELECT dd.day, i.severity, i."blastRadiusLevel" IN ('HIGH', 'CRITICAL'),
         EXISTS (SELECT 1 FROM "IncidentChange" l JOIN "Change" ch ON ch.id = l."changeId"
                 WHERE l."incidentId" = i.id AND l.role IN ('TRIGGER', 'ROOT_CAUSE') AND ch."aiAssisted"),
         count(*)
  FROM unnest(todo) AS dd(day)
  JOIN "Incident" i ON i."impactStartedAt" >= (dd.day::timestamp AT TIME ZONE tz) AND i."impactStartedAt" < ((dd.day + 1)::timestamp AT TIME ZONE tz)
  GROUP BY 1, 2, 3, 4;
END;
$$;

-- The days touched by some changes and incidents (and by the incidents and changes linked to them).
CREATE FUNCTION "faultline_refresh_stats"(change_ids int[], incident_ids int[]) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  tz text := "faultline_time_zone"();
BEGIN
  PERFORM "faultline_refresh_change_days"(ARRAY(
    SELECT ("shippedAt" AT TIME ZONE tz)::date FROM "Change" WHERE id = ANY(change_ids) AND "shippedAt" IS NOT NULL));
  PERFORM "faultline_refresh_incident_days"(ARRAY(
    SELECT ("impactStartedAt" AT TIME ZONE tz)::date FROM "Incident" WHERE id = ANY(incident_ids)));
END;
$$;

-- Everything again (after bulk loads, or when the organisation's time zone changes).
CREATE FUNCTION "faultline_rebuild_stats"() RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  tz text := "faultline_time_zone"();
BEGIN
  PERFORM "faultline_refresh_change_days"(ARRAY(
    SELECT DISTINCT ("shippedAt" AT TIME ZONE tz)::date FROM "Change" WHERE "shippedAt" IS NOT NULL));
  PERFORM "faultline_refresh_incident_days"(ARRAY(
    SELECT DISTINCT ("impactStartedAt" AT TIME ZONE tz)::date FROM "Incident"));
  -- Days that no longer hold any row.
  DELETE FROM "DailyChangeStat" s WHERE NOT EXISTS (
    SELECT 1 FROM "Change" c WHERE c."shippedAt" >= (s.day::timestamp AT TIME ZONE tz) AND c."shippedAt" < ((s.day + 1)::timestamp AT TIME ZONE tz));
  DELETE FROM "DailyIncidentStat" s WHERE NOT EXISTS (
    SELECT 1 FROM "Incident" i WHERE i."impactStartedAt" >= (s.day::timestamp AT TIME ZONE tz) AND i."impactStartedAt" < ((s.day + 1)::timestamp AT TIME ZONE tz));
END;
$$;

SELECT "faultline_rebuild_stats"();
