-- AlterTable
ALTER TABLE "ProjectFigures" ADD COLUMN     "cumReports" INTEGER[];


-- The lights (lib/server/warnings/light-sql.ts) read ProjectFigures too: their filing rule
-- counts the months that have a report, which the running totals cannot tell (a report of
-- 0 and 0 is still a report). cumReports[k]: months with a report from reportFrom to the
-- k-th month. The column is the table's last, so the facts function selects it last.

-- The value of a running-total array of ProjectFigures at month `ym` (NULL before `from_idx`,
-- the last element after the array's end).
CREATE FUNCTION figure_cum(arr anyarray, from_idx int, ym int) RETURNS anyelement LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN ym >= from_idx THEN arr[LEAST(ym - from_idx, cardinality(arr) - 1) + 1] END
$$;

CREATE OR REPLACE FUNCTION project_figures_of(ids int[]) RETURNS SETOF "ProjectFigures" LANGUAGE sql STABLE AS $$
  WITH r AS (
    SELECT x."projectId" AS id, x.year * 12 + x.month - 1 AS m, x."investmentCompleted" AS inv, x."fundsArrived" AS funds
    FROM "ProgressReport" x WHERE x."projectId" = ANY(ids)
  ), span AS (
    SELECT id, min(m) AS lo, max(m) AS hi FROM r GROUP BY id
  ), dense AS (
    SELECT span.id, s.m,
           sum(COALESCE(r.inv, 0)) OVER w AS ci,
           sum(COALESCE(r.funds, 0)) OVER w AS cf,
           count(r.m) OVER w AS cn
    FROM span CROSS JOIN LATERAL generate_series(span.lo, span.hi) s(m)
    LEFT JOIN r ON r.id = span.id AND r.m = s.m
    WINDOW w AS (PARTITION BY span.id ORDER BY s.m)
  ), money AS (
    SELECT id, min(m) AS from_idx, array_agg(ci ORDER BY m) AS inv, array_agg(cf ORDER BY m) AS funds, array_agg(cn::int ORDER BY m) AS n
    FROM dense GROUP BY id
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
         COALESCE(pl.years, '{}'), COALESCE(pl.inv, '{}'), COALESCE(pl.starts, '{}'), COALESCE(pl.prods, '{}'),
         COALESCE(money.n, '{}')
  FROM "Project" p
  LEFT JOIN ev ON ev.id = p.id
  LEFT JOIN money ON money.id = p.id
  LEFT JOIN pl ON pl.id = p.id
  WHERE p.id = ANY(ids)
$$;

-- The counts of the projects already there (nothing else in the facts changes).
UPDATE "ProjectFigures" f SET "cumReports" = n."cumReports"
FROM project_figures_of(ARRAY(SELECT "projectId" FROM "ProjectFigures")) n
WHERE n."projectId" = f."projectId";
