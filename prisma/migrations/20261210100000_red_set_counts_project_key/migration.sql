-- Each stored red set's counts per park (docs/warnings.md § The red sets): the red list
-- counts a stored park from these, less its dirty projects' stored rows, instead of reading
-- every stored row. refreshRedSets keeps them in the transaction that writes the rows; the
-- sets already stored are counted here.
ALTER TABLE "RedSetPark" ADD COLUMN "redAny" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN "redStart" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN "redProgress" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN "redFiling" INTEGER NOT NULL DEFAULT 0;

UPDATE "RedSetPark" k
SET "redAny" = c.any, "redStart" = c.start, "redProgress" = c.progress, "redFiling" = c.filing
FROM (
  SELECT p.ym, p."parkId", count(rs."projectId")::int AS any,
         (count(*) FILTER (WHERE (rs.kinds & 1) <> 0))::int AS start,
         (count(*) FILTER (WHERE (rs.kinds & 2) <> 0))::int AS progress,
         (count(*) FILTER (WHERE (rs.kinds & 4) <> 0))::int AS filing
  FROM "RedSetPark" p LEFT JOIN "RedSet" rs ON rs.ym = p.ym AND rs."parkId" = p."parkId"
  GROUP BY p.ym, p."parkId"
) c
WHERE k.ym = c.ym AND k."parkId" = c."parkId";

-- A project is red once a day: RedSet's key is (ym, projectId), so that the red list looks up
-- a dirty project's stored row in one probe (it does not know the park it was stored under);
-- a park's rows are read on (ym, parkId).
ALTER TABLE "RedSet" DROP CONSTRAINT "RedSet_pkey",
ADD CONSTRAINT "RedSet_pkey" PRIMARY KEY ("ym", "projectId");

CREATE INDEX "RedSet_ym_parkId_idx" ON "RedSet"("ym", "parkId");
