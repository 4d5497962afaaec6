-- The red list of a closed month's last day, kept (docs/warnings.md § The red sets): which
-- projects were red that day, per rule, as the figures job computed them with the red list's
-- own SQL (lib/server/warnings/red-sets.ts). A park's rows stand for the key they were built
-- under (the rule's SQL, the day's constants and the park's rules); a project whose figures
-- changed since is in RedSetDirty until the job recomputes it, and the red list computes it
-- live meanwhile.

-- CreateTable
CREATE TABLE "RedSetPark" (
    "ym" INTEGER NOT NULL,
    "parkId" INTEGER NOT NULL,
    "key" TEXT NOT NULL,
    "builtAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RedSetPark_pkey" PRIMARY KEY ("ym","parkId")
);

-- CreateTable
CREATE TABLE "RedSet" (
    "ym" INTEGER NOT NULL,
    "parkId" INTEGER NOT NULL,
    "projectId" INTEGER NOT NULL,
    "kinds" SMALLINT NOT NULL,

    CONSTRAINT "RedSet_pkey" PRIMARY KEY ("ym","parkId","projectId")
);

-- CreateTable
CREATE TABLE "RedSetDirty" (
    "projectId" INTEGER NOT NULL,

    CONSTRAINT "RedSetDirty_pkey" PRIMARY KEY ("projectId")
);

-- AddForeignKey
ALTER TABLE "RedSetPark" ADD CONSTRAINT "RedSetPark_parkId_fkey" FOREIGN KEY ("parkId") REFERENCES "Park"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- A project whose figures row changed (inserted, updated, deleted: every write that changes
-- what its lights read goes through ProjectFigures) is dirty until the job recomputes it.
-- The upsert writes a new row version even when the project is dirty already, so the job's
-- repeatable-read transaction that clears the marks fails on a mark written after its
-- snapshot instead of deleting it.
CREATE FUNCTION red_sets_mark_dirty() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    INSERT INTO "RedSetDirty" ("projectId") SELECT DISTINCT "projectId" FROM old_rows
    ON CONFLICT ("projectId") DO UPDATE SET "projectId" = EXCLUDED."projectId";
  ELSE
    INSERT INTO "RedSetDirty" ("projectId") SELECT DISTINCT "projectId" FROM new_rows
    ON CONFLICT ("projectId") DO UPDATE SET "projectId" = EXCLUDED."projectId";
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER red_sets_figures_insert AFTER INSERT ON "ProjectFigures" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION red_sets_mark_dirty();
CREATE TRIGGER red_sets_figures_update AFTER UPDATE ON "ProjectFigures" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION red_sets_mark_dirty();
CREATE TRIGGER red_sets_figures_delete AFTER DELETE ON "ProjectFigures" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION red_sets_mark_dirty();
