-- CreateEnum
CREATE TYPE "MeetingStatus" AS ENUM ('PREPARED', 'HELD');

-- CreateEnum
CREATE TYPE "MeetingItemKind" AS ENUM ('ISSUE', 'RED_PROJECT', 'NOT_STARTED', 'STALE_PROJECT', 'FOLLOW_UP', 'FREE');

-- CreateEnum
CREATE TYPE "MeetingTaskStatus" AS ENUM ('OPEN', 'DONE');

-- CreateTable
CREATE TABLE "Meeting" (
    "id" SERIAL NOT NULL,
    "scopeKey" TEXT NOT NULL,
    "parkId" INTEGER,
    "regionId" INTEGER,
    "month" DATE NOT NULL,
    "title" TEXT NOT NULL,
    "meetingDate" DATE,
    "location" TEXT,
    "status" "MeetingStatus" NOT NULL DEFAULT 'PREPARED',
    "preparedById" INTEGER NOT NULL,
    "heldAt" TIMESTAMPTZ(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Meeting_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MeetingItem" (
    "id" SERIAL NOT NULL,
    "meetingId" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "kind" "MeetingItemKind" NOT NULL,
    "title" TEXT NOT NULL,
    "reason" TEXT,
    "projectId" INTEGER,
    "issueId" INTEGER,
    "taskId" INTEGER,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MeetingItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MeetingAttendee" (
    "id" SERIAL NOT NULL,
    "meetingId" INTEGER NOT NULL,
    "userId" INTEGER,
    "name" TEXT NOT NULL,
    "unit" TEXT,

    CONSTRAINT "MeetingAttendee_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MeetingDecision" (
    "id" SERIAL NOT NULL,
    "meetingId" INTEGER NOT NULL,
    "itemId" INTEGER NOT NULL,
    "projectId" INTEGER,
    "issueId" INTEGER,
    "text" TEXT NOT NULL,
    "decidedById" INTEGER NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MeetingDecision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MeetingTask" (
    "id" SERIAL NOT NULL,
    "meetingId" INTEGER NOT NULL,
    "decisionId" INTEGER NOT NULL,
    "parkId" INTEGER,
    "projectId" INTEGER,
    "issueId" INTEGER,
    "title" TEXT NOT NULL,
    "ownerId" INTEGER NOT NULL,
    "workdays" INTEGER NOT NULL,
    "deadline" DATE NOT NULL,
    "status" "MeetingTaskStatus" NOT NULL DEFAULT 'OPEN',
    "doneDate" DATE,
    "doneNote" TEXT,
    "doneById" INTEGER,
    "createdById" INTEGER NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "MeetingTask_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Meeting_parkId_month_idx" ON "Meeting"("parkId", "month");

-- CreateIndex
CREATE INDEX "Meeting_regionId_month_idx" ON "Meeting"("regionId", "month");

-- CreateIndex
CREATE UNIQUE INDEX "Meeting_scopeKey_month_key" ON "Meeting"("scopeKey", "month");

-- CreateIndex
CREATE INDEX "MeetingItem_meetingId_position_idx" ON "MeetingItem"("meetingId", "position");

-- CreateIndex
CREATE INDEX "MeetingItem_taskId_idx" ON "MeetingItem"("taskId");

-- CreateIndex
CREATE INDEX "MeetingAttendee_meetingId_idx" ON "MeetingAttendee"("meetingId");

-- CreateIndex
CREATE INDEX "MeetingDecision_meetingId_idx" ON "MeetingDecision"("meetingId");

-- CreateIndex
CREATE INDEX "MeetingDecision_projectId_idx" ON "MeetingDecision"("projectId");

-- CreateIndex
CREATE INDEX "MeetingDecision_issueId_idx" ON "MeetingDecision"("issueId");

-- CreateIndex
CREATE INDEX "MeetingTask_ownerId_status_deadline_idx" ON "MeetingTask"("ownerId", "status", "deadline");

-- CreateIndex
CREATE INDEX "MeetingTask_meetingId_idx" ON "MeetingTask"("meetingId");

-- CreateIndex
CREATE INDEX "MeetingTask_projectId_idx" ON "MeetingTask"("projectId");

-- CreateIndex
CREATE INDEX "MeetingTask_issueId_idx" ON "MeetingTask"("issueId");

-- AddForeignKey
ALTER TABLE "Meeting" ADD CONSTRAINT "Meeting_parkId_fkey" FOREIGN KEY ("parkId") REFERENCES "Park"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Meeting" ADD CONSTRAINT "Meeting_regionId_fkey" FOREIGN KEY ("regionId") REFERENCES "Region"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Meeting" ADD CONSTRAINT "Meeting_preparedById_fkey" FOREIGN KEY ("preparedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeetingItem" ADD CONSTRAINT "MeetingItem_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeetingItem" ADD CONSTRAINT "MeetingItem_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeetingItem" ADD CONSTRAINT "MeetingItem_issueId_fkey" FOREIGN KEY ("issueId") REFERENCES "EnterpriseIssue"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeetingItem" ADD CONSTRAINT "MeetingItem_taskId_fkey" FOREIGN KEY ("taskId") REFERENCES "MeetingTask"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeetingAttendee" ADD CONSTRAINT "MeetingAttendee_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeetingAttendee" ADD CONSTRAINT "MeetingAttendee_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeetingDecision" ADD CONSTRAINT "MeetingDecision_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeetingDecision" ADD CONSTRAINT "MeetingDecision_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "MeetingItem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeetingDecision" ADD CONSTRAINT "MeetingDecision_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeetingDecision" ADD CONSTRAINT "MeetingDecision_issueId_fkey" FOREIGN KEY ("issueId") REFERENCES "EnterpriseIssue"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeetingDecision" ADD CONSTRAINT "MeetingDecision_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeetingTask" ADD CONSTRAINT "MeetingTask_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeetingTask" ADD CONSTRAINT "MeetingTask_decisionId_fkey" FOREIGN KEY ("decisionId") REFERENCES "MeetingDecision"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeetingTask" ADD CONSTRAINT "MeetingTask_parkId_fkey" FOREIGN KEY ("parkId") REFERENCES "Park"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeetingTask" ADD CONSTRAINT "MeetingTask_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeetingTask" ADD CONSTRAINT "MeetingTask_issueId_fkey" FOREIGN KEY ("issueId") REFERENCES "EnterpriseIssue"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeetingTask" ADD CONSTRAINT "MeetingTask_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeetingTask" ADD CONSTRAINT "MeetingTask_doneById_fkey" FOREIGN KEY ("doneById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeetingTask" ADD CONSTRAINT "MeetingTask_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


