-- Sanity checks for the demo data (psql "$DATABASE_URL" -f prisma/seed/checks.sql).
-- Queries named "violations" must return 0 everywhere; the others are for reading.
\set ON_ERROR_STOP on
\pset footer off

\echo '== 1. projects per park, stage and status'
SELECT pk.code,
       count(*) AS projects,
       count(*) FILTER (WHERE p.stage = 'SIGNED') AS signed_only,
       count(*) FILTER (WHERE p.stage = 'LANDED') AS landed_only,
       count(*) FILTER (WHERE p.stage = 'STARTED') AS started_only,
       count(*) FILTER (WHERE p.stage = 'PRODUCING') AS producing,
       count(*) FILTER (WHERE p.status = 'SUSPENDED') AS suspended,
       count(*) FILTER (WHERE p.status = 'TERMINATED') AS terminated
FROM "Project" p JOIN "Park" pk ON pk.id = p."parkId"
GROUP BY ROLLUP (pk.code) ORDER BY pk.code;

\echo '== 2. signing-cohort rates per park (stages cumulative), % ; funds = arrived / contract'
WITH f AS (
  SELECT "projectId", sum("fundsArrived") AS funds, sum("investmentCompleted") AS inv
  FROM "ProgressReport" GROUP BY "projectId"
)
SELECT coalesce(pk.code, 'ALL') AS park,
       round(100.0 * count(*) FILTER (WHERE p.status <> 'TERMINATED') / count(*), 1) AS fulfil_rate,
       round(100.0 * count(*) FILTER (WHERE p.stage <> 'SIGNED') / count(*), 1) AS landing_rate,
       round(100.0 * count(*) FILTER (WHERE p.stage IN ('STARTED', 'PRODUCING')) / count(*), 1) AS start_rate,
       round(100.0 * count(*) FILTER (WHERE p.stage = 'PRODUCING') / count(*), 1) AS production_rate,
       round(100.0 * sum(coalesce(f.funds, 0) + p."fundsArrivedBefore") / sum(p."contractInvestment"), 1) AS funds_rate,
       round(sum(p."totalInvestment") / 10000, 1) AS total_yi,
       round(sum(p."contractInvestment") / 10000, 1) AS contract_yi
FROM "Project" p JOIN "Park" pk ON pk.id = p."parkId" LEFT JOIN f ON f."projectId" = p.id
GROUP BY ROLLUP (pk.code) ORDER BY pk.code;

\echo '== 3. cohorts by signing year (all parks), %'
SELECT extract(year FROM "signedDate")::int AS signed_year, count(*) AS signed,
       round(100.0 * count(*) FILTER (WHERE stage <> 'SIGNED') / count(*), 1) AS landing_rate,
       round(100.0 * count(*) FILTER (WHERE stage IN ('STARTED', 'PRODUCING')) / count(*), 1) AS start_rate,
       round(100.0 * count(*) FILTER (WHERE stage = 'PRODUCING') / count(*), 1) AS production_rate
FROM "Project" GROUP BY 1 ORDER BY 1;

\echo '== 4. investment distribution (万元)'
SELECT count(*) FILTER (WHERE "totalInvestment" < 5000) AS lt_5k,
       count(*) FILTER (WHERE "totalInvestment" >= 5000 AND "totalInvestment" < 100000) AS "5k_100k",
       count(*) FILTER (WHERE "totalInvestment" >= 100000) AS ge_100k,
       min("totalInvestment"), percentile_cont(0.5) WITHIN GROUP (ORDER BY "totalInvestment") AS median,
       max("totalInvestment"),
       count(*) FILTER (WHERE "keyLevel" <> 'NONE') AS key_projects,
       count(*) FILTER (WHERE cardinality("specialLists") > 0) AS special_listed
FROM "Project";

\echo '== 5. annual plan (计划口径), current year'
SELECT pk.code, y.year, count(*) AS planned_projects,
       count(*) FILTER (WHERE y."planStart") AS plan_start,
       count(*) FILTER (WHERE y."planStart" AND p."actualStartDate" IS NOT NULL) AS plan_start_done,
       count(*) FILTER (WHERE y."planStart" AND p."actualStartDate" IS NULL AND p."plannedStartDate" < current_date) AS due_not_started,
       count(*) FILTER (WHERE y."planProduction") AS plan_production,
       round(sum(y."plannedInvestment") / 10000, 2) AS planned_yi,
       round((SELECT sum(r."investmentCompleted") FROM "ProgressReport" r JOIN "Project" p2 ON p2.id = r."projectId"
              WHERE p2."parkId" = pk.id AND r.year = y.year) / 10000, 2) AS completed_yi
FROM "ProjectYearPlan" y JOIN "Project" p ON p.id = y."projectId" JOIN "Park" pk ON pk.id = p."parkId"
WHERE y.year = extract(year FROM current_date)
GROUP BY pk.id, pk.code, y.year ORDER BY pk.code;

\echo '== 6. violations: business dates in the future (Asia/Shanghai today)'
WITH today AS (SELECT (now() AT TIME ZONE 'Asia/Shanghai')::date AS d)
SELECT 'project' AS what, count(*) FROM "Project", today
 WHERE GREATEST("signedDate", "registeredDate", "landSuppliedDate", "landedDate", "actualStartDate",
                "actualProductionDate", "stageDate", "statusDate") > today.d OR "createdAt" > now() OR "updatedAt" > now()
UNION ALL SELECT 'stageEvent', count(*) FROM "StageEvent", today WHERE "businessDate" > today.d OR "createdAt" > now()
UNION ALL SELECT 'report month not before this month', count(*) FROM "ProgressReport", today
 WHERE make_date(year, month, 1) >= date_trunc('month', today.d) OR "filedAt" > now()
UNION ALL SELECT 'assignment', count(*) FROM "Assignment", today WHERE "startDate" > today.d OR "endDate" > today.d
UNION ALL SELECT 'visit', count(*) FROM "Visit", today WHERE "visitDate" > today.d
UNION ALL SELECT 'issue', count(*) FROM "EnterpriseIssue", today
 WHERE GREATEST("raisedDate", "answeredDate", "closedDate") > today.d OR "updatedAt" > now()
UNION ALL SELECT 'issueEvent', count(*) FROM "IssueEvent" WHERE "createdAt" > now()
UNION ALL SELECT 'extension', count(*) FROM "IssueExtension" WHERE "decidedAt" > now() OR "createdAt" > now();

\echo '== 7. violations: stage dates out of order or incoherent with the stage'
SELECT count(*) FILTER (WHERE "landedDate" < "signedDate" OR "actualStartDate" < "landedDate"
                          OR "actualProductionDate" < "actualStartDate") AS order_broken,
       count(*) FILTER (WHERE "registeredDate" < "signedDate" OR "registeredDate" > "landedDate"
                          OR "landSuppliedDate" <> "landedDate") AS registration_broken,
       count(*) FILTER (WHERE (stage = 'SIGNED') <> ("landedDate" IS NULL)
                          OR (stage IN ('STARTED', 'PRODUCING')) <> ("actualStartDate" IS NOT NULL)
                          OR (stage = 'PRODUCING') <> ("actualProductionDate" IS NOT NULL)) AS stage_vs_dates,
       count(*) FILTER (WHERE "stageDate" <> COALESCE("actualProductionDate", "actualStartDate", "landedDate", "signedDate")) AS stage_date_wrong,
       count(*) FILTER (WHERE stage <> 'SIGNED' AND "landArea" IS NULL) AS landed_without_land,
       count(*) FILTER (WHERE stage = 'PRODUCING' AND capacity IS NULL) AS producing_without_capacity,
       count(*) FILTER (WHERE "contractInvestment" > "totalInvestment") AS contract_over_total,
       count(*) FILTER (WHERE "plannedProductionDate" <= "plannedStartDate" OR "plannedStartDate" < "signedDate") AS plan_dates_wrong,
       count(*) FILTER (WHERE status <> 'ACTIVE' AND ("statusDate" IS NULL OR "statusReason" IS NULL OR "statusDate" < "stageDate")) AS status_incoherent
FROM "Project";

\echo '== 8. 签约即落地 / 落地即开工 and 应开工未开工 (planned start passed, not started, active)'
SELECT count(*) FILTER (WHERE "landedDate" = "signedDate") AS sign_is_land,
       count(*) FILTER (WHERE "actualStartDate" = "landedDate") AS land_is_start,
       count(*) FILTER (WHERE status = 'ACTIVE' AND "actualStartDate" IS NULL AND "plannedStartDate" < current_date) AS due_not_started,
       count(*) FILTER (WHERE status = 'ACTIVE' AND "actualStartDate" IS NULL) AS not_started
FROM "Project";

\echo '== 9. violations: stage events vs project dates'
SELECT
  (SELECT count(*) FROM "Project" p WHERE p.stage <> 'SIGNED' AND NOT EXISTS (SELECT 1 FROM "StageEvent" e WHERE e."projectId" = p.id
     AND e.type = 'ADVANCE' AND e."toStage" = 'LANDED' AND e."businessDate" = p."landedDate")) AS landed_without_event,
  (SELECT count(*) FROM "Project" p WHERE p."actualStartDate" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "StageEvent" e WHERE e."projectId" = p.id
     AND e.type = 'ADVANCE' AND e."toStage" = 'STARTED' AND e."businessDate" = p."actualStartDate")) AS started_without_event,
  (SELECT count(*) FROM "Project" p WHERE p."actualProductionDate" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "StageEvent" e WHERE e."projectId" = p.id
     AND e.type = 'ADVANCE' AND e."toStage" = 'PRODUCING' AND e."businessDate" = p."actualProductionDate")) AS producing_without_event,
  (SELECT count(*) FROM "Project" p WHERE p.status <> 'ACTIVE' AND NOT EXISTS (SELECT 1 FROM "StageEvent" e WHERE e."projectId" = p.id
     AND e."toStatus" = p.status AND e."businessDate" = p."statusDate")) AS status_without_event,
  (SELECT count(*) FROM "StageEvent" e JOIN "Project" p ON p.id = e."projectId" WHERE e."businessDate" < p."signedDate") AS event_before_signing,
  (SELECT count(*) FROM (SELECT "projectId", "businessDate", "createdAt",
            lag("businessDate") OVER (PARTITION BY "projectId" ORDER BY "createdAt", id) AS prev FROM "StageEvent") x
     WHERE x."businessDate" < x.prev) AS events_out_of_order;
SELECT type, "toStage", "toStatus", count(*) FROM "StageEvent" GROUP BY 1, 2, 3 ORDER BY 1, 2, 3;

\echo '== 10. violations: monthly filings'
WITH s AS (
  SELECT p.id, p."actualStartDate", p."totalInvestment", p."contractInvestment",
         min(make_date(r.year, r.month, 1)) AS first_month, count(r.id) AS n,
         sum(r."investmentCompleted") AS inv, sum(r."fundsArrived") AS funds
  FROM "Project" p JOIN "ProgressReport" r ON r."projectId" = p.id GROUP BY p.id
)
SELECT count(*) FILTER (WHERE "actualStartDate" IS NULL) AS reports_for_unstarted,
       count(*) FILTER (WHERE first_month < date_trunc('month', "actualStartDate")) AS before_start_month,
       count(*) FILTER (WHERE inv > "totalInvestment") AS inv_over_total,
       count(*) FILTER (WHERE funds > "contractInvestment") AS funds_over_contract,
       (SELECT count(*) FROM "ProgressReport" WHERE "investmentCompleted" < 0 OR "fundsArrived" < 0) AS negative,
       sum(n) AS reports
FROM s;
\echo '   filings of the last three months (missing recent ones are expected)'
SELECT r.year, r.month, count(*) AS filed,
       (SELECT count(*) FROM "Project" p WHERE p."actualStartDate" < make_date(r.year, r.month, 1) + interval '1 month'
          AND (p.status = 'ACTIVE' OR p."statusDate" >= make_date(r.year, r.month, 1))) AS expected
FROM "ProgressReport" r
WHERE make_date(r.year, r.month, 1) >= date_trunc('month', current_date) - interval '3 months'
GROUP BY r.year, r.month ORDER BY 1, 2;

\echo '== 11. violations: 包保 coverage (each project and enterprise: exactly one active LIAISON and one LEADER)'
SELECT
  (SELECT count(*) FROM "Project" p WHERE (SELECT count(*) FROM "Assignment" a WHERE a."projectId" = p.id AND a.role = 'LIAISON' AND a."endDate" IS NULL) <> 1) AS projects_bad_liaison,
  (SELECT count(*) FROM "Project" p WHERE (SELECT count(*) FROM "Assignment" a WHERE a."projectId" = p.id AND a.role = 'LEADER' AND a."endDate" IS NULL) <> 1) AS projects_bad_leader,
  (SELECT count(*) FROM "Enterprise" e WHERE (SELECT count(*) FROM "Assignment" a WHERE a."enterpriseId" = e.id AND a.role = 'LIAISON' AND a."endDate" IS NULL) <> 1) AS enterprises_bad_liaison,
  (SELECT count(*) FROM "Enterprise" e WHERE (SELECT count(*) FROM "Assignment" a WHERE a."enterpriseId" = e.id AND a.role = 'LEADER' AND a."endDate" IS NULL) <> 1) AS enterprises_bad_leader,
  (SELECT count(*) FROM "Assignment" a JOIN "Membership" m ON m."userId" = a."userId" AND m."parkId" = a."parkId"
     WHERE (a.role = 'LIAISON' AND m.role <> 'LIAISON') OR (a.role = 'LEADER' AND m.role <> 'PARK_LEADER')) AS wrong_role,
  (SELECT count(*) FROM "Assignment" WHERE "endDate" IS NOT NULL) AS ended_rows,
  (SELECT count(*) FROM "Assignment" WHERE "endDate" < "startDate") AS ended_before_start;
SELECT u.username, count(*) FILTER (WHERE a."projectId" IS NOT NULL) AS projects,
       count(*) FILTER (WHERE a."enterpriseId" IS NOT NULL) AS enterprises
FROM "Assignment" a JOIN "User" u ON u.id = a."userId"
WHERE a."endDate" IS NULL AND a.role = 'LIAISON' AND u.username LIKE 'liaison_hhgx%'
GROUP BY u.username ORDER BY u.username;

\echo '== 12. visits per park and kind; enterprises without a visit in the last 30 days'
SELECT pk.code, count(*) AS visits,
       count(*) FILTER (WHERE v.kind = 'ON_SITE') AS on_site, count(*) FILTER (WHERE v.kind = 'PHONE') AS phone,
       count(*) FILTER (WHERE v.kind = 'MEETING') AS meeting,
       (SELECT count(*) FROM "Enterprise" e WHERE e."parkId" = pk.id AND NOT EXISTS (
          SELECT 1 FROM "Visit" v2 WHERE v2."enterpriseId" = e.id AND v2."visitDate" > current_date - 30)) AS not_visited_30d,
       count(*) FILTER (WHERE NOT EXISTS (SELECT 1 FROM "Assignment" a WHERE a."enterpriseId" = v."enterpriseId" AND a."userId" = v."liaisonId"
          AND a.role = 'LIAISON' AND a."startDate" <= v."visitDate" AND (a."endDate" IS NULL OR a."endDate" > v."visitDate"))) AS visit_by_uncovering_liaison
FROM "Visit" v JOIN "Park" pk ON pk.id = v."parkId" GROUP BY pk.id, pk.code ORDER BY pk.code;

\echo '== 13. problems by status; open/overdue/escalated; satisfaction'
SELECT pk.code, count(*) AS issues,
       count(*) FILTER (WHERE i.status <> 'CLOSED') AS open,
       count(*) FILTER (WHERE i.status <> 'CLOSED' AND i."resolveDeadline" < current_date) AS overdue,
       count(*) FILTER (WHERE i.level = 2) AS level2, count(*) FILTER (WHERE i.level = 3) AS level3,
       count(*) FILTER (WHERE i."reopenCount" > 0) AS reopened,
       count(*) FILTER (WHERE i.satisfaction = 'SATISFIED') AS satisfied,
       count(*) FILTER (WHERE i.satisfaction = 'BASICALLY_SATISFIED') AS basically,
       count(*) FILTER (WHERE i.satisfaction = 'DISSATISFIED') AS dissatisfied
FROM "EnterpriseIssue" i JOIN "Park" pk ON pk.id = i."parkId" GROUP BY ROLLUP (pk.code) ORDER BY pk.code;
SELECT status, count(*) FROM "EnterpriseIssue" GROUP BY 1 ORDER BY 1;
SELECT category, count(*) FROM "EnterpriseIssue" GROUP BY 1 ORDER BY 2 DESC;

\echo '== 14. violations: problem fields vs history'
WITH last AS (
  SELECT DISTINCT ON ("issueId") "issueId", "toStatus" FROM "IssueEvent"
  WHERE "toStatus" IS NOT NULL ORDER BY "issueId", "createdAt" DESC, id DESC
), agg AS (
  SELECT "issueId", count(*) FILTER (WHERE type = 'REOPENED') AS reopens,
         coalesce(max("toLevel") FILTER (WHERE type = 'ESCALATED'), 1) AS level,
         bool_or(type = 'CREATED') AS created
  FROM "IssueEvent" GROUP BY "issueId"
)
SELECT count(*) FILTER (WHERE last."toStatus" <> i.status) AS status_vs_last_event,
       count(*) FILTER (WHERE agg.reopens <> i."reopenCount") AS reopen_count,
       count(*) FILTER (WHERE agg.level <> i.level) AS level_vs_escalations,
       count(*) FILTER (WHERE NOT agg.created) AS no_created_event,
       count(*) FILTER (WHERE (i.status = 'CLOSED') <> (i."closedDate" IS NOT NULL)
                          OR (i.status = 'CLOSED') <> (i.satisfaction IS NOT NULL)) AS closure_fields,
       count(*) FILTER (WHERE i.status IN ('ANSWERED', 'CLOSED') AND (i."answeredDate" IS NULL OR i.answer IS NULL)) AS answer_fields,
       count(*) FILTER (WHERE i.satisfaction IN ('BASICALLY_SATISFIED', 'DISSATISFIED') AND i."reopenCount" = 0) AS unsatisfied_not_reopened,
       count(*) FILTER (WHERE i."answerDeadline" <= i."raisedDate" OR i."resolveDeadline" < i."answerDeadline") AS deadlines_wrong,
       count(*) FILTER (WHERE i."closedDate" < i."answeredDate" OR i."answeredDate" < i."raisedDate") AS dates_out_of_order
FROM "EnterpriseIssue" i JOIN last ON last."issueId" = i.id JOIN agg ON agg."issueId" = i.id;
SELECT type, count(*) FROM "IssueEvent" GROUP BY 1 ORDER BY 2 DESC;
SELECT status, count(*) FROM "IssueExtension" GROUP BY 1;

\echo '== 15. violations: duplicates'
SELECT
  (SELECT count(*) FROM (SELECT "creditCode" FROM "Enterprise" GROUP BY 1 HAVING count(*) > 1) x) AS dup_credit_codes,
  (SELECT count(*) FROM "Enterprise" WHERE length("creditCode") <> 18) AS bad_credit_code_length,
  (SELECT count(*) FROM "Enterprise" WHERE "contactPhone" !~ '^1[3-9][0-9]{9}$') AS bad_phones,
  (SELECT count(*) FROM (SELECT "parkId", name FROM "Project" GROUP BY 1, 2 HAVING count(*) > 1) x) AS dup_project_names_in_park,
  (SELECT count(*) FROM (SELECT name FROM "Enterprise" GROUP BY 1 HAVING count(*) > 1) x) AS same_enterprise_name_in_two_parks,
  (SELECT count(*) FROM (SELECT "userId", role, "parkId", "regionId" FROM "Membership" GROUP BY 1, 2, 3, 4 HAVING count(*) > 1) x) AS dup_memberships,
  (SELECT count(*) FROM (SELECT "projectId", year, month FROM "ProgressReport" GROUP BY 1, 2, 3 HAVING count(*) > 1) x) AS dup_reports,
  (SELECT count(*) FROM "Project" WHERE code !~ '^[A-Z]{4}-20[0-9]{2}-[0-9]{3}$') AS bad_project_codes,
  (SELECT count(*) FROM "EnterpriseIssue" WHERE code !~ '^WT-[A-Z]{4}-20[0-9]{2}-[0-9]{4}$') AS bad_issue_codes;

\echo '== 16. people and calendar'
SELECT m.role, count(*) AS members, count(DISTINCT m."parkId") AS parks, count(DISTINCT m."regionId") AS regions
FROM "Membership" m GROUP BY 1 ORDER BY 1;
SELECT extract(year FROM date)::int AS year, kind, count(*) FROM "Holiday" GROUP BY 1, 2 ORDER BY 1, 2;
SELECT action, "entityType", count(*) FROM "AuditLog" GROUP BY 1, 2;
