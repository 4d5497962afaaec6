-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "NotificationKind" ADD VALUE 'MEETING_TASK_DUE';
ALTER TYPE "NotificationKind" ADD VALUE 'MEETING_TASK_OVERDUE';

-- CreateTable
CREATE TABLE "RedSpell" (
    "id" SERIAL NOT NULL,
    "projectId" INTEGER NOT NULL,
    "since" DATE NOT NULL,
    "endedOn" DATE,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RedSpell_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "RedSpell_projectId_endedOn_idx" ON "RedSpell"("projectId", "endedOn");

-- AddForeignKey
ALTER TABLE "RedSpell" ADD CONSTRAINT "RedSpell_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;


