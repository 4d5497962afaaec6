-- CreateTable
CREATE TABLE "ProjectFigures" (
    "projectId" INTEGER NOT NULL,
    "parkId" INTEGER NOT NULL,
    "industry" TEXT NOT NULL,
    "signedDate" DATE NOT NULL,
    "landedOn" DATE,
    "startedOn" DATE,
    "producedOn" DATE,
    "status" TEXT NOT NULL,
    "statusDate" DATE,
    "statusChangeDates" DATE[],
    "statusChanges" TEXT[],
    "plannedStartDate" DATE,
    "contractInvestment" DECIMAL(18,2) NOT NULL,
    "totalInvestment" DECIMAL(18,2) NOT NULL,
    "investmentBefore" DECIMAL(18,2) NOT NULL,
    "fundsBefore" DECIMAL(18,2) NOT NULL,
    "reportFrom" INTEGER,
    "cumInvestment" DECIMAL(18,2)[],
    "cumFunds" DECIMAL(18,2)[],
    "planYears" INTEGER[],
    "planInvestment" DECIMAL(18,2)[],
    "planStart" BOOLEAN[],
    "planProduction" BOOLEAN[],

    CONSTRAINT "ProjectFigures_pkey" PRIMARY KEY ("projectId")
);

-- CreateTable
CREATE TABLE "FigureRollup" (
    "id" BIGSERIAL NOT NULL,
    "ym" INTEGER NOT NULL,
    "parkId" INTEGER NOT NULL,
    "industry" TEXT NOT NULL,
    "signedYear" INTEGER NOT NULL,
    "stage" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "plan" INTEGER NOT NULL,
    "due" BOOLEAN NOT NULL,
    "projects" INTEGER NOT NULL,
    "contractInvestment" DECIMAL(18,2) NOT NULL,
    "totalInvestment" DECIMAL(18,2) NOT NULL,
    "plannedInvestment" DECIMAL(18,2) NOT NULL,
    "fundsArrived" DECIMAL(18,2) NOT NULL,
    "investmentCompleted" DECIMAL(18,2) NOT NULL,
    "yearCompleted" DECIMAL(18,2) NOT NULL,

    CONSTRAINT "FigureRollup_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FigureRollupMonth" (
    "ym" INTEGER NOT NULL,
    "builtAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FigureRollupMonth_pkey" PRIMARY KEY ("ym")
);

-- CreateTable
CREATE TABLE "ReportRollup" (
    "id" BIGSERIAL NOT NULL,
    "parkId" INTEGER NOT NULL,
    "ym" INTEGER NOT NULL,
    "investmentCompleted" DECIMAL(18,2) NOT NULL,
    "fundsArrived" DECIMAL(18,2) NOT NULL,

    CONSTRAINT "ReportRollup_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ProjectFigures_parkId_signedDate_idx" ON "ProjectFigures"("parkId", "signedDate");

-- CreateIndex
CREATE INDEX "ProjectFigures_parkId_startedOn_idx" ON "ProjectFigures"("parkId", "startedOn");

-- CreateIndex
CREATE INDEX "ProjectFigures_parkId_producedOn_idx" ON "ProjectFigures"("parkId", "producedOn");

-- CreateIndex
CREATE INDEX "ProjectFigures_parkId_plannedStartDate_idx" ON "ProjectFigures"("parkId", "plannedStartDate");

-- CreateIndex
CREATE INDEX "FigureRollup_ym_parkId_idx" ON "FigureRollup"("ym", "parkId");

-- CreateIndex
CREATE INDEX "ReportRollup_parkId_ym_idx" ON "ReportRollup"("parkId", "ym");


-- ---------------------------------------------------------------------------------------
-- The figures rollup's rules (docs/indicators.md#speed). The tables above are derived:
-- statement triggers on Project, StageEvent, ProgressReport and ProjectYearPlan keep them in
-- the same transaction as every write, whoever makes it (the app's services, the Excel
-- import's set-based INSERTs, a seed). Nothing in lib/ writes them; the figures job
-- (lib/server/jobs/figures-rollup.ts) adds months with build_figure_month and folds the
-- delta rows with fold_figure_rollup.
--
-- The as-of rule is the one of lib/domain/as-of.ts and lib/server/metrics/as-of-sql.ts:
-- a stage counts from reachedOn (the latest of the signing and the dates of the stages up
-- to it, stageDate standing for a missing date; NULL when the current stage is below it);
-- the status is the current one from statusDate on (or when undated), before it the one set
-- by the latest 暂缓/终止/恢复推进 event dated on or before the day (the last entered on a
-- tie), 正常推进 before the first. tests/integration/figure-rollup.test.ts holds the
-- rollup, the facts and the raw-table SQL equal after random writes.

-- Month index (year * 12 + month - 1) of a date, and the last day of a month index.
CREATE FUNCTION figure_month_of(d date) RETURNS int LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT (extract(year FROM d) * 12 + extract(month FROM d) - 1)::int
$$;
CREATE FUNCTION figure_month_end(ym int) RETURNS date LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT (make_date(ym / 12, ym % 12 + 1, 1) + interval '1 month' - interval '1 day')::date
$$;

-- The facts of the given projects, read from the raw tables (a project that no longer
-- exists has no row). Set-based: the same statement serves one project and all of them.
CREATE FUNCTION project_figures_of(ids int[]) RETURNS SETOF "ProjectFigures" LANGUAGE sql STABLE AS $$
  WITH r AS (
    SELECT x."projectId" AS id, x.year * 12 + x.month - 1 AS m, x."investmentCompleted" AS inv, x."fundsArrived" AS funds
    FROM "ProgressReport" x WHERE x."projectId" = ANY(ids)
  ), span AS (
    SELECT id, min(m) AS lo, max(m) AS hi FROM r GROUP BY id
  ), dense AS (
    SELECT span.id, s.m,
           sum(COALESCE(r.inv, 0)) OVER w AS ci,
           sum(COALESCE(r.funds, 0)) OVER w AS cf
    FROM span CROSS JOIN LATERAL generate_series(span.lo, span.hi) s(m)
    LEFT JOIN r ON r.id = span.id AND r.m = s.m
    WINDOW w AS (PARTITION BY span.id ORDER BY s.m)
  ), money AS (
    SELECT id, min(m) AS from_idx, array_agg(ci ORDER BY m) AS inv, array_agg(cf ORDER BY m) AS funds FROM dense GROUP BY id
  ), ev AS (
    SELECT se."projectId" AS id,
           array_agg(se."businessDate" ORDER BY se."businessDate", se.id) AS dates,
           array_agg(se."toStatus"::text ORDER BY se."businessDate", se.id) AS statuses
    FROM "StageEvent" se JOIN "Project" sp ON sp.id = se."projectId"
    WHERE se."projectId" = ANY(ids) AND se.type IN ('SUSPEND', 'TERMINATE', 'RESUME') AND se."businessDate" < sp."statusDate"
    GROUP BY se."projectId"
  ), pl AS (
    SELECT y."projectId" AS id, array_agg(y.year ORDER BY y.year) AS years, array_agg(y."plannedInvestment" ORDER BY y.year) AS inv,
           array_agg(y."planStart" ORDER BY y.year) AS starts, array_agg(y."planProduction" ORDER BY y.year) AS prods
    FROM "ProjectYearPlan" y WHERE y."projectId" = ANY(ids) GROUP BY y."projectId"
  )
  SELECT p.id, p."parkId", p.industry, p."signedDate",
         CASE WHEN p.stage IN ('LANDED', 'STARTED', 'PRODUCING')
              THEN GREATEST(p."signedDate", COALESCE(p."landedDate", p."stageDate")) END,
         CASE WHEN p.stage IN ('STARTED', 'PRODUCING')
              THEN GREATEST(p."signedDate", COALESCE(p."landedDate", p."stageDate"), COALESCE(p."actualStartDate", p."stageDate")) END,
         CASE WHEN p.stage = 'PRODUCING'
              THEN GREATEST(p."signedDate", COALESCE(p."landedDate", p."stageDate"), COALESCE(p."actualStartDate", p."stageDate"),
                            COALESCE(p."actualProductionDate", p."stageDate")) END,
         p.status::text, p."statusDate",
         COALESCE(ev.dates, '{}'), COALESCE(ev.statuses, '{}'),
         p."plannedStartDate", p."contractInvestment", p."totalInvestment", p."investmentCompletedBefore", p."fundsArrivedBefore",
         money.from_idx, COALESCE(money.inv, '{}'), COALESCE(money.funds, '{}'),
         COALESCE(pl.years, '{}'), COALESCE(pl.inv, '{}'), COALESCE(pl.starts, '{}'), COALESCE(pl.prods, '{}')
  FROM "Project" p
  LEFT JOIN ev ON ev.id = p.id
  LEFT JOIN money ON money.id = p.id
  LEFT JOIN pl ON pl.id = p.id
  WHERE p.id = ANY(ids)
$$;

-- A project's part of the figures of month `ym` taken as of day `d` (the month's last day,
-- or an earlier day of it): its stage and status that day (NULL when signed after it),
-- its plan of the month's year (-1 none, else 1 计划开工 + 2 计划投产), whether its planned
-- start is due, and its money: opening balance + the reports up to the month, and the
-- reports of the month's year. No row for a project signed after the month. Inlined by
-- the planner wherever it is used (SQL, not STRICT, one SELECT).
CREATE FUNCTION figure_rows(f "ProjectFigures", ym int, d date)
RETURNS TABLE (stage text, status text, plan int, due boolean, "plannedInvestment" numeric, "fundsArrived" numeric, "investmentCompleted" numeric, "yearCompleted" numeric)
LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN f."signedDate" > d THEN NULL
              WHEN f."producedOn" <= d THEN 'PRODUCING'
              WHEN f."startedOn" <= d THEN 'STARTED'
              WHEN f."landedOn" <= d THEN 'LANDED'
              ELSE 'SIGNED' END,
         CASE WHEN f."signedDate" > d THEN NULL
              WHEN f."statusDate" IS NULL OR f."statusDate" <= d THEN f.status
              ELSE COALESCE((SELECT u.s FROM unnest(f."statusChangeDates", f."statusChanges") WITH ORDINALITY u(dt, s, i)
                             WHERE u.dt <= d ORDER BY u.i DESC LIMIT 1), 'ACTIVE') END,
         CASE WHEN k.pi IS NULL THEN -1 ELSE f."planStart"[k.pi]::int + 2 * f."planProduction"[k.pi]::int END,
         COALESCE(f."plannedStartDate" <= d, false),
         COALESCE(f."planInvestment"[k.pi], 0),
         f."fundsBefore" + COALESCE(f."cumFunds"[k.now], 0),
         f."investmentBefore" + COALESCE(f."cumInvestment"[k.now], 0),
         COALESCE(f."cumInvestment"[k.now], 0) - COALESCE(f."cumInvestment"[k.dec], 0)
  FROM (SELECT array_position(f."planYears", ym / 12) AS pi,
               CASE WHEN ym >= f."reportFrom" THEN LEAST(ym - f."reportFrom", cardinality(f."cumInvestment") - 1) + 1 END AS now,
               CASE WHEN ym / 12 * 12 - 1 >= f."reportFrom" THEN LEAST(ym / 12 * 12 - 1 - f."reportFrom", cardinality(f."cumInvestment") - 1) + 1 END AS dec) k
  WHERE f."signedDate" <= figure_month_end(ym)
$$;

-- Recomputes the facts of `ids` and, for what changed, adds the differences to
-- FigureRollup (every month built) and ReportRollup: minus the old facts' rows, plus the
-- new ones'. Writes to one project's figures take turns on its Project row, and the facts
-- are read after that lock, so two transactions never both diff against the same old facts.
-- A month being built (build_figure_month) waits for the writes in flight, and new ones
-- wait for it.
CREATE FUNCTION refresh_project_figures(ids int[]) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  stale "ProjectFigures"[];
  fresh "ProjectFigures"[];
  minus "ProjectFigures"[];
  plus "ProjectFigures"[];
BEGIN
  IF ids IS NULL OR cardinality(ids) = 0 THEN RETURN; END IF;
  PERFORM pg_advisory_xact_lock_shared(20261206, 1);
  PERFORM 1 FROM "Project" WHERE id = ANY(ids) ORDER BY id FOR NO KEY UPDATE;
  stale := ARRAY(SELECT s FROM "ProjectFigures" s WHERE s."projectId" = ANY(ids));
  fresh := ARRAY(SELECT n FROM project_figures_of(ids) n);
  minus := ARRAY(SELECT s FROM unnest(stale) s LEFT JOIN unnest(fresh) n ON n."projectId" = s."projectId" WHERE n IS DISTINCT FROM s);
  plus := ARRAY(SELECT n FROM unnest(fresh) n LEFT JOIN unnest(stale) s ON s."projectId" = n."projectId" WHERE s IS DISTINCT FROM n);
  IF cardinality(minus) = 0 AND cardinality(plus) = 0 THEN RETURN; END IF;

  INSERT INTO "FigureRollup" (ym, "parkId", industry, "signedYear", stage, status, plan, due, projects,
                              "contractInvestment", "totalInvestment", "plannedInvestment", "fundsArrived", "investmentCompleted", "yearCompleted")
  SELECT m.ym, (x.f)."parkId", (x.f).industry, extract(year FROM (x.f)."signedDate")::int, c.stage, c.status, c.plan, c.due,
         sum(x.sign)::int, sum(x.sign * (x.f)."contractInvestment"), sum(x.sign * (x.f)."totalInvestment"), sum(x.sign * c."plannedInvestment"),
         sum(x.sign * c."fundsArrived"), sum(x.sign * c."investmentCompleted"), sum(x.sign * c."yearCompleted")
  FROM (SELECT -1 AS sign, s AS f FROM unnest(minus) s UNION ALL SELECT 1, n FROM unnest(plus) n) x
  JOIN "FigureRollupMonth" m ON m.ym >= figure_month_of((x.f)."signedDate")
  CROSS JOIN LATERAL figure_rows(x.f, m.ym, figure_month_end(m.ym)) c
  GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
  HAVING sum(x.sign) <> 0 OR sum(x.sign * (x.f)."contractInvestment") <> 0 OR sum(x.sign * (x.f)."totalInvestment") <> 0
      OR sum(x.sign * c."plannedInvestment") <> 0 OR sum(x.sign * c."fundsArrived") <> 0
      OR sum(x.sign * c."investmentCompleted") <> 0 OR sum(x.sign * c."yearCompleted") <> 0;

  INSERT INTO "ReportRollup" ("parkId", ym, "investmentCompleted", "fundsArrived")
  SELECT (x.f)."parkId", (x.f)."reportFrom" + k.i - 1,
         sum(x.sign * ((x.f)."cumInvestment"[k.i] - COALESCE((x.f)."cumInvestment"[k.i - 1], 0))),
         sum(x.sign * ((x.f)."cumFunds"[k.i] - COALESCE((x.f)."cumFunds"[k.i - 1], 0)))
  FROM (SELECT -1 AS sign, s AS f FROM unnest(minus) s UNION ALL SELECT 1, n FROM unnest(plus) n) x
  CROSS JOIN LATERAL generate_subscripts((x.f)."cumInvestment", 1) k(i)
  GROUP BY 1, 2
  HAVING sum(x.sign * ((x.f)."cumInvestment"[k.i] - COALESCE((x.f)."cumInvestment"[k.i - 1], 0))) <> 0
      OR sum(x.sign * ((x.f)."cumFunds"[k.i] - COALESCE((x.f)."cumFunds"[k.i - 1], 0))) <> 0;

  DELETE FROM "ProjectFigures" WHERE "projectId" IN (SELECT s."projectId" FROM unnest(minus) s);
  INSERT INTO "ProjectFigures" SELECT * FROM unnest(plus);
END
$$;

-- The triggers: which projects a statement touched, for the columns the figures read.
CREATE FUNCTION figures_after_project() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM refresh_project_figures(ARRAY(SELECT id FROM new_rows));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM refresh_project_figures(ARRAY(SELECT id FROM old_rows));
  ELSE
    PERFORM refresh_project_figures(ARRAY(
      SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id
      WHERE (n."parkId", n.industry, n."signedDate", n."landedDate", n."actualStartDate", n."actualProductionDate", n.stage, n."stageDate",
             n.status, n."statusDate", n."plannedStartDate", n."contractInvestment", n."totalInvestment", n."investmentCompletedBefore", n."fundsArrivedBefore")
        IS DISTINCT FROM
            (o."parkId", o.industry, o."signedDate", o."landedDate", o."actualStartDate", o."actualProductionDate", o.stage, o."stageDate",
             o.status, o."statusDate", o."plannedStartDate", o."contractInvestment", o."totalInvestment", o."investmentCompletedBefore", o."fundsArrivedBefore")));
  END IF;
  RETURN NULL;
END
$$;

CREATE FUNCTION figures_after_stage_event() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM refresh_project_figures(ARRAY(SELECT DISTINCT "projectId" FROM new_rows WHERE type IN ('SUSPEND', 'TERMINATE', 'RESUME')));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM refresh_project_figures(ARRAY(SELECT DISTINCT "projectId" FROM old_rows WHERE type IN ('SUSPEND', 'TERMINATE', 'RESUME')));
  ELSE
    PERFORM refresh_project_figures(ARRAY(
      SELECT n."projectId" FROM new_rows n JOIN old_rows o ON o.id = n.id
      WHERE (n."projectId", n.type, n."toStatus", n."businessDate") IS DISTINCT FROM (o."projectId", o.type, o."toStatus", o."businessDate")
        AND (n.type IN ('SUSPEND', 'TERMINATE', 'RESUME') OR o.type IN ('SUSPEND', 'TERMINATE', 'RESUME'))
      UNION SELECT o."projectId" FROM new_rows n JOIN old_rows o ON o.id = n.id
      WHERE n."projectId" <> o."projectId" AND o.type IN ('SUSPEND', 'TERMINATE', 'RESUME')));
  END IF;
  RETURN NULL;
END
$$;

CREATE FUNCTION figures_after_progress_report() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM refresh_project_figures(ARRAY(SELECT DISTINCT "projectId" FROM new_rows));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM refresh_project_figures(ARRAY(SELECT DISTINCT "projectId" FROM old_rows));
  ELSE
    PERFORM refresh_project_figures(ARRAY(
      SELECT n."projectId" FROM new_rows n JOIN old_rows o ON o.id = n.id
      WHERE (n."projectId", n.year, n.month, n."investmentCompleted", n."fundsArrived") IS DISTINCT FROM (o."projectId", o.year, o.month, o."investmentCompleted", o."fundsArrived")
      UNION SELECT o."projectId" FROM new_rows n JOIN old_rows o ON o.id = n.id WHERE n."projectId" <> o."projectId"));
  END IF;
  RETURN NULL;
END
$$;

CREATE FUNCTION figures_after_year_plan() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM refresh_project_figures(ARRAY(SELECT DISTINCT "projectId" FROM new_rows));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM refresh_project_figures(ARRAY(SELECT DISTINCT "projectId" FROM old_rows));
  ELSE
    PERFORM refresh_project_figures(ARRAY(
      SELECT n."projectId" FROM new_rows n JOIN old_rows o ON o.id = n.id
      WHERE (n."projectId", n.year, n."plannedInvestment", n."planStart", n."planProduction") IS DISTINCT FROM (o."projectId", o.year, o."plannedInvestment", o."planStart", o."planProduction")
      UNION SELECT o."projectId" FROM new_rows n JOIN old_rows o ON o.id = n.id WHERE n."projectId" <> o."projectId"));
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER figures_project_insert AFTER INSERT ON "Project" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION figures_after_project();
CREATE TRIGGER figures_project_update AFTER UPDATE ON "Project" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION figures_after_project();
CREATE TRIGGER figures_project_delete AFTER DELETE ON "Project" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION figures_after_project();
CREATE TRIGGER figures_stage_event_insert AFTER INSERT ON "StageEvent" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION figures_after_stage_event();
CREATE TRIGGER figures_stage_event_update AFTER UPDATE ON "StageEvent" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION figures_after_stage_event();
CREATE TRIGGER figures_stage_event_delete AFTER DELETE ON "StageEvent" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION figures_after_stage_event();
CREATE TRIGGER figures_progress_report_insert AFTER INSERT ON "ProgressReport" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION figures_after_progress_report();
CREATE TRIGGER figures_progress_report_update AFTER UPDATE ON "ProgressReport" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION figures_after_progress_report();
CREATE TRIGGER figures_progress_report_delete AFTER DELETE ON "ProgressReport" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION figures_after_progress_report();
CREATE TRIGGER figures_year_plan_insert AFTER INSERT ON "ProjectYearPlan" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION figures_after_year_plan();
CREATE TRIGGER figures_year_plan_update AFTER UPDATE ON "ProjectYearPlan" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION figures_after_year_plan();
CREATE TRIGGER figures_year_plan_delete AFTER DELETE ON "ProjectYearPlan" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION figures_after_year_plan();

-- Adds month `m` to FigureRollup from the facts, unless it is there already. Holds the
-- figures lock exclusively: the writes in flight finish first (their rows are then in the
-- facts read here), and writes that start meanwhile wait, then see the month and keep it.
-- Returns the rows written (0: the month was there).
CREATE FUNCTION build_figure_month(m int) RETURNS int LANGUAGE plpgsql AS $$
DECLARE
  written int;
BEGIN
  PERFORM pg_advisory_xact_lock(20261206, 1);
  IF EXISTS (SELECT 1 FROM "FigureRollupMonth" WHERE ym = m) THEN RETURN 0; END IF;
  INSERT INTO "FigureRollup" (ym, "parkId", industry, "signedYear", stage, status, plan, due, projects,
                              "contractInvestment", "totalInvestment", "plannedInvestment", "fundsArrived", "investmentCompleted", "yearCompleted")
  SELECT m, f."parkId", f.industry, extract(year FROM f."signedDate")::int, c.stage, c.status, c.plan, c.due,
         count(*)::int, sum(f."contractInvestment"), sum(f."totalInvestment"), sum(c."plannedInvestment"),
         sum(c."fundsArrived"), sum(c."investmentCompleted"), sum(c."yearCompleted")
  FROM "ProjectFigures" f CROSS JOIN LATERAL figure_rows(f, m, figure_month_end(m)) c
  GROUP BY 1, 2, 3, 4, 5, 6, 7, 8;
  GET DIAGNOSTICS written = ROW_COUNT;
  INSERT INTO "FigureRollupMonth" (ym) VALUES (m);
  RETURN written;
END
$$;

-- Folds the delta rows of FigureRollup and ReportRollup into one row per key (keys that
-- sum to nothing disappear). Rows of transactions still in flight are not seen, so they
-- stay as they are and are folded next time.
CREATE FUNCTION fold_figure_rollup() RETURNS int LANGUAGE plpgsql AS $$
DECLARE
  folded int;
  reports int;
BEGIN
  PERFORM pg_advisory_xact_lock(20261206, 2);
  WITH dup AS (
    SELECT ym, "parkId", industry, "signedYear", stage, status, plan, due FROM "FigureRollup"
    GROUP BY 1, 2, 3, 4, 5, 6, 7, 8 HAVING count(*) > 1
  ), gone AS (
    DELETE FROM "FigureRollup" r USING dup
    WHERE (r.ym, r."parkId", r.industry, r."signedYear", r.stage, r.status, r.plan, r.due)
        = (dup.ym, dup."parkId", dup.industry, dup."signedYear", dup.stage, dup.status, dup.plan, dup.due)
    RETURNING r.*
  )
  INSERT INTO "FigureRollup" (ym, "parkId", industry, "signedYear", stage, status, plan, due, projects,
                              "contractInvestment", "totalInvestment", "plannedInvestment", "fundsArrived", "investmentCompleted", "yearCompleted")
  SELECT ym, "parkId", industry, "signedYear", stage, status, plan, due, sum(projects),
         sum("contractInvestment"), sum("totalInvestment"), sum("plannedInvestment"), sum("fundsArrived"), sum("investmentCompleted"), sum("yearCompleted")
  FROM gone GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
  HAVING sum(projects) <> 0 OR sum("contractInvestment") <> 0 OR sum("totalInvestment") <> 0 OR sum("plannedInvestment") <> 0
      OR sum("fundsArrived") <> 0 OR sum("investmentCompleted") <> 0 OR sum("yearCompleted") <> 0;
  GET DIAGNOSTICS folded = ROW_COUNT;
  WITH dup AS (
    SELECT "parkId", ym FROM "ReportRollup" GROUP BY 1, 2 HAVING count(*) > 1
  ), gone AS (
    DELETE FROM "ReportRollup" r USING dup WHERE (r."parkId", r.ym) = (dup."parkId", dup.ym) RETURNING r.*
  )
  INSERT INTO "ReportRollup" ("parkId", ym, "investmentCompleted", "fundsArrived")
  SELECT "parkId", ym, sum("investmentCompleted"), sum("fundsArrived") FROM gone GROUP BY 1, 2
  HAVING sum("investmentCompleted") <> 0 OR sum("fundsArrived") <> 0;
  GET DIAGNOSTICS reports = ROW_COUNT;
  RETURN folded + reports;
END
$$;

-- Rebuilds the facts and ReportRollup from the raw tables and forgets the built months
-- (the figures job builds them again). For data loaded with the triggers off, and the
-- consistency test's reference.
CREATE FUNCTION rebuild_figures() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(20261206, 1);
  DELETE FROM "FigureRollup";
  DELETE FROM "FigureRollupMonth";
  DELETE FROM "ReportRollup";
  DELETE FROM "ProjectFigures";
  INSERT INTO "ProjectFigures" SELECT * FROM project_figures_of(ARRAY(SELECT id FROM "Project"));
  INSERT INTO "ReportRollup" ("parkId", ym, "investmentCompleted", "fundsArrived")
  SELECT p."parkId", r.year * 12 + r.month - 1, sum(r."investmentCompleted"), sum(r."fundsArrived")
  FROM "ProgressReport" r JOIN "Project" p ON p.id = r."projectId" GROUP BY 1, 2;
END
$$;

-- The facts of the projects already there.
SELECT rebuild_figures();
