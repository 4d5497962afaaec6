-- DropIndex
DROP INDEX "Enterprise_creditCode_key";

-- AlterTable
ALTER TABLE "Park" ADD COLUMN     "archivedAt" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "Region" ADD COLUMN     "archivedAt" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "mustChangePassword" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "passwordChangedAt" TIMESTAMPTZ(3),
ADD COLUMN     "sessionVersion" INTEGER NOT NULL DEFAULT 0;

-- CreateIndex
CREATE INDEX "Enterprise_creditCode_idx" ON "Enterprise"("creditCode");

-- CreateIndex
CREATE UNIQUE INDEX "Enterprise_parkId_creditCode_key" ON "Enterprise"("parkId", "creditCode");


-- Membership: one row per (user, role, park, region) even when a scope is NULL
-- (an ADMIN has neither, a park role has no region). Remove duplicates first, keeping the oldest.
DELETE FROM "Membership" m
USING "Membership" older
WHERE m."userId" = older."userId" AND m.role = older.role
  AND m."parkId" IS NOT DISTINCT FROM older."parkId"
  AND m."regionId" IS NOT DISTINCT FROM older."regionId"
  AND m.id > older.id;

DROP INDEX "Membership_userId_role_parkId_regionId_key";
CREATE UNIQUE INDEX "Membership_userId_role_parkId_regionId_key" ON "Membership"("userId", "role", "parkId", "regionId") NULLS NOT DISTINCT;
