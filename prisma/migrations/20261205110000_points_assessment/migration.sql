-- CreateEnum
CREATE TYPE "PointEarner" AS ENUM ('LIAISON', 'LEADER', 'UNIT');

-- CreateTable
CREATE TABLE "PointRule" (
    "id" SERIAL NOT NULL,
    "scopeKey" TEXT NOT NULL,
    "parkId" INTEGER,
    "regionId" INTEGER,
    "kind" TEXT NOT NULL,
    "earner" "PointEarner" NOT NULL,
    "points" INTEGER NOT NULL,
    "effectiveFrom" DATE NOT NULL,
    "note" TEXT,
    "createdById" INTEGER NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PointRule_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PointAdjustment" (
    "id" SERIAL NOT NULL,
    "parkId" INTEGER NOT NULL,
    "earner" "PointEarner" NOT NULL,
    "userId" INTEGER,
    "unit" TEXT,
    "date" DATE NOT NULL,
    "points" INTEGER NOT NULL,
    "reason" TEXT NOT NULL,
    "createdById" INTEGER NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PointAdjustment_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "PointRule_parkId_idx" ON "PointRule"("parkId");

-- CreateIndex
CREATE INDEX "PointRule_regionId_idx" ON "PointRule"("regionId");

-- CreateIndex
CREATE UNIQUE INDEX "PointRule_scopeKey_kind_earner_effectiveFrom_key" ON "PointRule"("scopeKey", "kind", "earner", "effectiveFrom");

-- CreateIndex
CREATE INDEX "PointAdjustment_parkId_date_idx" ON "PointAdjustment"("parkId", "date");

-- CreateIndex
CREATE INDEX "PointAdjustment_userId_date_idx" ON "PointAdjustment"("userId", "date");

-- AddForeignKey
ALTER TABLE "PointRule" ADD CONSTRAINT "PointRule_parkId_fkey" FOREIGN KEY ("parkId") REFERENCES "Park"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PointRule" ADD CONSTRAINT "PointRule_regionId_fkey" FOREIGN KEY ("regionId") REFERENCES "Region"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PointRule" ADD CONSTRAINT "PointRule_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PointAdjustment" ADD CONSTRAINT "PointAdjustment_parkId_fkey" FOREIGN KEY ("parkId") REFERENCES "Park"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PointAdjustment" ADD CONSTRAINT "PointAdjustment_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PointAdjustment" ADD CONSTRAINT "PointAdjustment_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


