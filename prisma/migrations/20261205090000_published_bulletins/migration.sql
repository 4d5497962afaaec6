-- CreateEnum
CREATE TYPE "CorrectionStatus" AS ENUM ('PENDING', 'APPROVED', 'REJECTED');

-- CreateTable
CREATE TABLE "PublishedBulletin" (
    "id" SERIAL NOT NULL,
    "scopeKey" TEXT NOT NULL,
    "parkId" INTEGER,
    "regionId" INTEGER,
    "year" INTEGER NOT NULL,
    "month" INTEGER NOT NULL,
    "revision" INTEGER NOT NULL DEFAULT 1,
    "scopeName" TEXT NOT NULL,
    "rankKey" TEXT NOT NULL,
    "parkIds" INTEGER[],
    "content" JSONB NOT NULL,
    "publishedById" INTEGER NOT NULL,
    "publishedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "supersedesId" INTEGER,
    "correctionReason" TEXT,

    CONSTRAINT "PublishedBulletin_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BulletinFigure" (
    "bulletinId" INTEGER NOT NULL,
    "metric" TEXT NOT NULL,
    "projectIds" INTEGER[],

    CONSTRAINT "BulletinFigure_pkey" PRIMARY KEY ("bulletinId","metric")
);

-- CreateTable
CREATE TABLE "ProgressCorrection" (
    "id" SERIAL NOT NULL,
    "projectId" INTEGER NOT NULL,
    "parkId" INTEGER NOT NULL,
    "year" INTEGER NOT NULL,
    "month" INTEGER NOT NULL,
    "baseVersion" INTEGER,
    "before" JSONB,
    "investmentCompleted" DECIMAL(14,2) NOT NULL,
    "fundsArrived" DECIMAL(14,2) NOT NULL,
    "imageProgress" TEXT,
    "problems" TEXT,
    "reason" TEXT NOT NULL,
    "status" "CorrectionStatus" NOT NULL DEFAULT 'PENDING',
    "openKey" TEXT,
    "requestedById" INTEGER NOT NULL,
    "requestedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decidedById" INTEGER,
    "decidedAt" TIMESTAMPTZ(3),
    "decisionNote" TEXT,

    CONSTRAINT "ProgressCorrection_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "PublishedBulletin_supersedesId_key" ON "PublishedBulletin"("supersedesId");

-- CreateIndex
CREATE INDEX "PublishedBulletin_parkId_year_month_idx" ON "PublishedBulletin"("parkId", "year", "month");

-- CreateIndex
CREATE INDEX "PublishedBulletin_regionId_year_month_idx" ON "PublishedBulletin"("regionId", "year", "month");

-- CreateIndex
CREATE INDEX "PublishedBulletin_year_month_idx" ON "PublishedBulletin"("year", "month");

-- CreateIndex
CREATE UNIQUE INDEX "PublishedBulletin_scopeKey_year_month_revision_key" ON "PublishedBulletin"("scopeKey", "year", "month", "revision");

-- CreateIndex
CREATE UNIQUE INDEX "ProgressCorrection_openKey_key" ON "ProgressCorrection"("openKey");

-- CreateIndex
CREATE INDEX "ProgressCorrection_parkId_status_requestedAt_idx" ON "ProgressCorrection"("parkId", "status", "requestedAt");

-- CreateIndex
CREATE INDEX "ProgressCorrection_projectId_year_month_idx" ON "ProgressCorrection"("projectId", "year", "month");

-- CreateIndex
CREATE INDEX "ProgressCorrection_status_decidedAt_idx" ON "ProgressCorrection"("status", "decidedAt");

-- AddForeignKey
ALTER TABLE "PublishedBulletin" ADD CONSTRAINT "PublishedBulletin_parkId_fkey" FOREIGN KEY ("parkId") REFERENCES "Park"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PublishedBulletin" ADD CONSTRAINT "PublishedBulletin_regionId_fkey" FOREIGN KEY ("regionId") REFERENCES "Region"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PublishedBulletin" ADD CONSTRAINT "PublishedBulletin_publishedById_fkey" FOREIGN KEY ("publishedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PublishedBulletin" ADD CONSTRAINT "PublishedBulletin_supersedesId_fkey" FOREIGN KEY ("supersedesId") REFERENCES "PublishedBulletin"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BulletinFigure" ADD CONSTRAINT "BulletinFigure_bulletinId_fkey" FOREIGN KEY ("bulletinId") REFERENCES "PublishedBulletin"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProgressCorrection" ADD CONSTRAINT "ProgressCorrection_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProgressCorrection" ADD CONSTRAINT "ProgressCorrection_parkId_fkey" FOREIGN KEY ("parkId") REFERENCES "Park"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProgressCorrection" ADD CONSTRAINT "ProgressCorrection_requestedById_fkey" FOREIGN KEY ("requestedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProgressCorrection" ADD CONSTRAINT "ProgressCorrection_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;


-- A bulletin has one scope: one park or one region. The Prisma schema cannot state this, and migrate diff ignores CHECK constraints.
ALTER TABLE "PublishedBulletin" ADD CONSTRAINT "PublishedBulletin_scope_check" CHECK (num_nonnulls("parkId", "regionId") = 1);
