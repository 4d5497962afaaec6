-- CreateEnum
CREATE TYPE "IssueIntakeChannel" AS ENUM ('VISIT', 'PHONE', 'WINDOW', 'LETTER', 'ONLINE');

-- CreateEnum
CREATE TYPE "OutboundStatus" AS ENUM ('PENDING', 'DELIVERED', 'FAILED');

-- CreateEnum
CREATE TYPE "SupervisionStatus" AS ENUM ('ISSUED', 'REPLIED', 'RETURNED', 'CLOSED');

-- CreateEnum
CREATE TYPE "SupervisionEventType" AS ENUM ('ISSUED', 'REPLIED', 'RETURNED', 'ACCEPTED');

-- AlterEnum
ALTER TYPE "IssueEventType" ADD VALUE 'HANDOFF_ACCEPTED';

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "NotificationKind" ADD VALUE 'ASSIGNMENT_CREATED';
ALTER TYPE "NotificationKind" ADD VALUE 'VISIT_DUE';
ALTER TYPE "NotificationKind" ADD VALUE 'VISIT_OVERDUE';
ALTER TYPE "NotificationKind" ADD VALUE 'FILING_DUE';
ALTER TYPE "NotificationKind" ADD VALUE 'FILING_MISSED';
ALTER TYPE "NotificationKind" ADD VALUE 'PROJECT_RED';
ALTER TYPE "NotificationKind" ADD VALUE 'SUPERVISION_ISSUED';
ALTER TYPE "NotificationKind" ADD VALUE 'SUPERVISION_REPLIED';
ALTER TYPE "NotificationKind" ADD VALUE 'SUPERVISION_RETURNED';
ALTER TYPE "NotificationKind" ADD VALUE 'SUPERVISION_CLOSED';
ALTER TYPE "NotificationKind" ADD VALUE 'SUPERVISION_DUE';
ALTER TYPE "NotificationKind" ADD VALUE 'SUPERVISION_OVERDUE';
ALTER TYPE "NotificationKind" ADD VALUE 'HANDOFF_PENDING';
ALTER TYPE "NotificationKind" ADD VALUE 'HANDOFF_ACCEPTED';
ALTER TYPE "NotificationKind" ADD VALUE 'DAILY_DIGEST';

-- AlterTable
ALTER TABLE "Attachment" ADD COLUMN     "supervisionEventId" INTEGER,
ADD COLUMN     "supervisionId" INTEGER;

-- AlterTable
ALTER TABLE "EnterpriseIssue" ADD COLUMN     "firstContactUserId" INTEGER,
ADD COLUMN     "handoffAcceptedAt" TIMESTAMPTZ(3),
ADD COLUMN     "intakeChannel" "IssueIntakeChannel" NOT NULL DEFAULT 'VISIT';

-- AlterTable
ALTER TABLE "Notification" ADD COLUMN     "occasionKey" TEXT,
ADD COLUMN     "supervisionId" INTEGER;

-- CreateTable
CREATE TABLE "OutboundMessage" (
    "id" SERIAL NOT NULL,
    "notificationId" INTEGER,
    "userId" INTEGER NOT NULL,
    "channel" TEXT NOT NULL,
    "recipientName" TEXT NOT NULL,
    "recipientPhone" TEXT,
    "title" TEXT NOT NULL,
    "body" TEXT,
    "link" TEXT,
    "status" "OutboundStatus" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deliveredAt" TIMESTAMPTZ(3),

    CONSTRAINT "OutboundMessage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Supervision" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "parkId" INTEGER NOT NULL,
    "projectId" INTEGER,
    "issueId" INTEGER,
    "subject" TEXT NOT NULL,
    "requirement" TEXT NOT NULL,
    "recipientUserId" INTEGER NOT NULL,
    "recipientUnit" TEXT,
    "issuedById" INTEGER NOT NULL,
    "issuedDate" DATE NOT NULL,
    "workdays" INTEGER NOT NULL,
    "deadline" DATE NOT NULL,
    "status" "SupervisionStatus" NOT NULL DEFAULT 'ISSUED',
    "closedDate" DATE,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Supervision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SupervisionEvent" (
    "id" SERIAL NOT NULL,
    "supervisionId" INTEGER NOT NULL,
    "type" "SupervisionEventType" NOT NULL,
    "note" TEXT,
    "actorId" INTEGER NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SupervisionEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "OutboundMessage_status_id_idx" ON "OutboundMessage"("status", "id");

-- CreateIndex
CREATE UNIQUE INDEX "OutboundMessage_notificationId_channel_key" ON "OutboundMessage"("notificationId", "channel");

-- CreateIndex
CREATE UNIQUE INDEX "Supervision_code_key" ON "Supervision"("code");

-- CreateIndex
CREATE INDEX "Supervision_parkId_status_deadline_idx" ON "Supervision"("parkId", "status", "deadline");

-- CreateIndex
CREATE INDEX "Supervision_projectId_status_idx" ON "Supervision"("projectId", "status");

-- CreateIndex
CREATE INDEX "Supervision_issueId_status_idx" ON "Supervision"("issueId", "status");

-- CreateIndex
CREATE INDEX "Supervision_recipientUserId_status_idx" ON "Supervision"("recipientUserId", "status");

-- CreateIndex
CREATE INDEX "SupervisionEvent_supervisionId_createdAt_idx" ON "SupervisionEvent"("supervisionId", "createdAt");

-- CreateIndex
CREATE INDEX "Attachment_supervisionId_idx" ON "Attachment"("supervisionId");

-- CreateIndex
CREATE INDEX "EnterpriseIssue_firstContactUserId_handoffAcceptedAt_idx" ON "EnterpriseIssue"("firstContactUserId", "handoffAcceptedAt");

-- CreateIndex
CREATE UNIQUE INDEX "Notification_userId_occasionKey_key" ON "Notification"("userId", "occasionKey");

-- AddForeignKey
ALTER TABLE "EnterpriseIssue" ADD CONSTRAINT "EnterpriseIssue_firstContactUserId_fkey" FOREIGN KEY ("firstContactUserId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_supervisionId_fkey" FOREIGN KEY ("supervisionId") REFERENCES "Supervision"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OutboundMessage" ADD CONSTRAINT "OutboundMessage_notificationId_fkey" FOREIGN KEY ("notificationId") REFERENCES "Notification"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OutboundMessage" ADD CONSTRAINT "OutboundMessage_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Supervision" ADD CONSTRAINT "Supervision_parkId_fkey" FOREIGN KEY ("parkId") REFERENCES "Park"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Supervision" ADD CONSTRAINT "Supervision_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Supervision" ADD CONSTRAINT "Supervision_issueId_fkey" FOREIGN KEY ("issueId") REFERENCES "EnterpriseIssue"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Supervision" ADD CONSTRAINT "Supervision_recipientUserId_fkey" FOREIGN KEY ("recipientUserId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Supervision" ADD CONSTRAINT "Supervision_issuedById_fkey" FOREIGN KEY ("issuedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SupervisionEvent" ADD CONSTRAINT "SupervisionEvent_supervisionId_fkey" FOREIGN KEY ("supervisionId") REFERENCES "Supervision"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SupervisionEvent" ADD CONSTRAINT "SupervisionEvent_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Attachment" ADD CONSTRAINT "Attachment_supervisionId_fkey" FOREIGN KEY ("supervisionId") REFERENCES "Supervision"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Attachment" ADD CONSTRAINT "Attachment_supervisionEventId_fkey" FOREIGN KEY ("supervisionEventId") REFERENCES "SupervisionEvent"("id") ON DELETE SET NULL ON UPDATE CASCADE;


