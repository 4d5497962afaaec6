-- CreateEnum
CREATE TYPE "ParkLevel" AS ENUM ('NATIONAL', 'PROVINCIAL', 'MUNICIPAL');

-- CreateEnum
CREATE TYPE "ParkType" AS ENUM ('HIGH_TECH', 'ECONOMIC_DEV', 'INDUSTRIAL_CLUSTER', 'OTHER');

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('ADMIN', 'REGION_LEADER', 'PARK_LEADER', 'PARK_STAFF', 'LIAISON');

-- CreateEnum
CREATE TYPE "ApiTokenScope" AS ENUM ('READ', 'READ_WRITE');

-- CreateEnum
CREATE TYPE "Stage" AS ENUM ('SIGNED', 'LANDED', 'STARTED', 'PRODUCING');

-- CreateEnum
CREATE TYPE "ProjectStatus" AS ENUM ('ACTIVE', 'SUSPENDED', 'TERMINATED');

-- CreateEnum
CREATE TYPE "ProjectSource" AS ENUM ('BUSINESS_REFERRAL', 'INDUSTRY_CHAIN', 'PROFESSIONAL', 'KINSHIP', 'AGENCY', 'ONLINE', 'OTHER');

-- CreateEnum
CREATE TYPE "KeyLevel" AS ENUM ('PROVINCIAL', 'CITY', 'COUNTY', 'NONE');

-- CreateEnum
CREATE TYPE "StageEventType" AS ENUM ('SIGN', 'ADVANCE', 'ROLLBACK', 'SUSPEND', 'TERMINATE', 'RESUME');

-- CreateEnum
CREATE TYPE "AssignmentRole" AS ENUM ('LIAISON', 'LEADER');

-- CreateEnum
CREATE TYPE "VisitKind" AS ENUM ('ON_SITE', 'PHONE', 'MEETING');

-- CreateEnum
CREATE TYPE "IssueCategory" AS ENUM ('LAND', 'PLANNING_APPROVAL', 'UTILITIES', 'FINANCING', 'LABOR', 'POLICY', 'LOGISTICS', 'SAFETY_ENV', 'OTHER');

-- CreateEnum
CREATE TYPE "IssueStatus" AS ENUM ('COLLECTED', 'ASSIGNED', 'IN_PROGRESS', 'ANSWERED', 'CLOSED');

-- CreateEnum
CREATE TYPE "Satisfaction" AS ENUM ('SATISFIED', 'BASICALLY_SATISFIED', 'DISSATISFIED');

-- CreateEnum
CREATE TYPE "IssueEventType" AS ENUM ('CREATED', 'STATUS_CHANGED', 'ESCALATED', 'COMMENTED', 'DEADLINE_CHANGED', 'EXTENSION_REQUESTED', 'EXTENSION_APPROVED', 'EXTENSION_REJECTED', 'REASSIGNED', 'CLOSED', 'REOPENED');

-- CreateEnum
CREATE TYPE "ExtensionStatus" AS ENUM ('PENDING', 'APPROVED', 'REJECTED');

-- CreateEnum
CREATE TYPE "NotificationKind" AS ENUM ('ISSUE_ASSIGNED', 'ISSUE_ESCALATED', 'ISSUE_DUE_TOMORROW', 'ISSUE_OVERDUE', 'ISSUE_REOPENED', 'EXTENSION_REQUESTED', 'EXTENSION_DECIDED', 'SYSTEM');

-- CreateEnum
CREATE TYPE "HolidayKind" AS ENUM ('HOLIDAY', 'WORKDAY');

-- CreateTable
CREATE TABLE "Region" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Region_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Park" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "regionId" INTEGER NOT NULL,
    "level" "ParkLevel" NOT NULL,
    "type" "ParkType" NOT NULL,
    "staleDaysSigned" INTEGER NOT NULL DEFAULT 90,
    "staleDaysLanded" INTEGER NOT NULL DEFAULT 180,
    "staleDaysStarted" INTEGER NOT NULL DEFAULT 365,
    "visitIntervalDays" INTEGER NOT NULL DEFAULT 30,
    "warningRules" JSONB,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Park_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "User" (
    "id" SERIAL NOT NULL,
    "username" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "phone" TEXT,
    "email" TEXT,
    "unit" TEXT,
    "title" TEXT,
    "locale" TEXT NOT NULL DEFAULT 'zh-CN',
    "isActive" BOOLEAN NOT NULL DEFAULT true,
    "lastLoginAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Membership" (
    "id" SERIAL NOT NULL,
    "userId" INTEGER NOT NULL,
    "role" "Role" NOT NULL,
    "parkId" INTEGER,
    "regionId" INTEGER,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Membership_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LoginThrottle" (
    "key" TEXT NOT NULL,
    "failures" INTEGER NOT NULL DEFAULT 0,
    "windowStart" TIMESTAMPTZ(3) NOT NULL,
    "lockedUntil" TIMESTAMPTZ(3),

    CONSTRAINT "LoginThrottle_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "ApiToken" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "scope" "ApiTokenScope" NOT NULL,
    "createdById" INTEGER NOT NULL,
    "lastUsedAt" TIMESTAMPTZ(3),
    "expiresAt" TIMESTAMPTZ(3),
    "revokedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ApiToken_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ApiTokenPark" (
    "tokenId" INTEGER NOT NULL,
    "parkId" INTEGER NOT NULL,

    CONSTRAINT "ApiTokenPark_pkey" PRIMARY KEY ("tokenId","parkId")
);

-- CreateTable
CREATE TABLE "Enterprise" (
    "id" SERIAL NOT NULL,
    "parkId" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "creditCode" TEXT,
    "legalPerson" TEXT,
    "contactName" TEXT,
    "contactPhone" TEXT,
    "address" TEXT,
    "industry" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Enterprise_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Project" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "parkId" INTEGER NOT NULL,
    "enterpriseId" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "industry" TEXT NOT NULL,
    "source" "ProjectSource" NOT NULL DEFAULT 'OTHER',
    "keyLevel" "KeyLevel" NOT NULL DEFAULT 'NONE',
    "specialLists" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "content" TEXT,
    "totalInvestment" DECIMAL(14,2) NOT NULL,
    "contractInvestment" DECIMAL(14,2) NOT NULL,
    "registeredCapital" DECIMAL(14,2),
    "landArea" DECIMAL(12,2),
    "investmentCompletedBefore" DECIMAL(14,2) NOT NULL DEFAULT 0,
    "fundsArrivedBefore" DECIMAL(14,2) NOT NULL DEFAULT 0,
    "signedDate" DATE NOT NULL,
    "registeredDate" DATE,
    "landSuppliedDate" DATE,
    "landedDate" DATE,
    "plannedStartDate" DATE,
    "actualStartDate" DATE,
    "plannedProductionDate" DATE,
    "actualProductionDate" DATE,
    "capacity" TEXT,
    "stage" "Stage" NOT NULL DEFAULT 'SIGNED',
    "stageDate" DATE NOT NULL,
    "status" "ProjectStatus" NOT NULL DEFAULT 'ACTIVE',
    "statusDate" DATE,
    "statusReason" TEXT,
    "imageProgress" TEXT,
    "problems" TEXT,
    "responsibleUnit" TEXT,
    "remark" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdById" INTEGER,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Project_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProjectYearPlan" (
    "id" SERIAL NOT NULL,
    "projectId" INTEGER NOT NULL,
    "year" INTEGER NOT NULL,
    "plannedInvestment" DECIMAL(14,2) NOT NULL,
    "planStart" BOOLEAN NOT NULL DEFAULT false,
    "planProduction" BOOLEAN NOT NULL DEFAULT false,
    "note" TEXT,

    CONSTRAINT "ProjectYearPlan_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StageEvent" (
    "id" SERIAL NOT NULL,
    "projectId" INTEGER NOT NULL,
    "type" "StageEventType" NOT NULL,
    "fromStage" "Stage",
    "toStage" "Stage" NOT NULL,
    "fromStatus" "ProjectStatus",
    "toStatus" "ProjectStatus" NOT NULL,
    "businessDate" DATE NOT NULL,
    "evidence" JSONB,
    "note" TEXT,
    "actorId" INTEGER NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StageEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProgressReport" (
    "id" SERIAL NOT NULL,
    "projectId" INTEGER NOT NULL,
    "year" INTEGER NOT NULL,
    "month" INTEGER NOT NULL,
    "investmentCompleted" DECIMAL(14,2) NOT NULL,
    "fundsArrived" DECIMAL(14,2) NOT NULL,
    "imageProgress" TEXT,
    "problems" TEXT,
    "filedById" INTEGER NOT NULL,
    "filedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "ProgressReport_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Assignment" (
    "id" SERIAL NOT NULL,
    "parkId" INTEGER NOT NULL,
    "role" "AssignmentRole" NOT NULL,
    "userId" INTEGER NOT NULL,
    "projectId" INTEGER,
    "enterpriseId" INTEGER,
    "department" TEXT,
    "startDate" DATE NOT NULL,
    "endDate" DATE,
    "note" TEXT,
    "createdById" INTEGER,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Assignment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Visit" (
    "id" SERIAL NOT NULL,
    "parkId" INTEGER NOT NULL,
    "enterpriseId" INTEGER NOT NULL,
    "projectId" INTEGER,
    "liaisonId" INTEGER NOT NULL,
    "visitDate" DATE NOT NULL,
    "kind" "VisitKind" NOT NULL,
    "peopleMet" TEXT,
    "summary" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Visit_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EnterpriseIssue" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "parkId" INTEGER NOT NULL,
    "enterpriseId" INTEGER NOT NULL,
    "projectId" INTEGER,
    "visitId" INTEGER,
    "category" "IssueCategory" NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "raisedDate" DATE NOT NULL,
    "raisedBy" TEXT,
    "reporterId" INTEGER NOT NULL,
    "responsibleUnit" TEXT,
    "responsibleUserId" INTEGER,
    "status" "IssueStatus" NOT NULL DEFAULT 'COLLECTED',
    "level" INTEGER NOT NULL DEFAULT 1,
    "answerDeadline" DATE,
    "resolveDeadline" DATE NOT NULL,
    "answeredDate" DATE,
    "answer" TEXT,
    "closedDate" DATE,
    "satisfaction" "Satisfaction",
    "reopenCount" INTEGER NOT NULL DEFAULT 0,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "EnterpriseIssue_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IssueEvent" (
    "id" SERIAL NOT NULL,
    "issueId" INTEGER NOT NULL,
    "type" "IssueEventType" NOT NULL,
    "fromStatus" "IssueStatus",
    "toStatus" "IssueStatus",
    "fromLevel" INTEGER,
    "toLevel" INTEGER,
    "note" TEXT,
    "data" JSONB,
    "actorId" INTEGER NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "IssueEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IssueExtension" (
    "id" SERIAL NOT NULL,
    "issueId" INTEGER NOT NULL,
    "requestedById" INTEGER NOT NULL,
    "requestedDeadline" DATE NOT NULL,
    "reason" TEXT NOT NULL,
    "status" "ExtensionStatus" NOT NULL DEFAULT 'PENDING',
    "decidedById" INTEGER,
    "decidedAt" TIMESTAMPTZ(3),
    "decisionNote" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "IssueExtension_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Notification" (
    "id" SERIAL NOT NULL,
    "userId" INTEGER NOT NULL,
    "kind" "NotificationKind" NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT,
    "link" TEXT,
    "issueId" INTEGER,
    "readAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Notification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Attachment" (
    "id" SERIAL NOT NULL,
    "parkId" INTEGER NOT NULL,
    "projectId" INTEGER,
    "stageEventId" INTEGER,
    "issueId" INTEGER,
    "visitId" INTEGER,
    "progressReportId" INTEGER,
    "fileName" TEXT NOT NULL,
    "mimeType" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "content" BYTEA NOT NULL,
    "uploadedById" INTEGER NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Attachment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Holiday" (
    "date" DATE NOT NULL,
    "kind" "HolidayKind" NOT NULL,
    "name" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Holiday_pkey" PRIMARY KEY ("date")
);

-- CreateTable
CREATE TABLE "AuditLog" (
    "id" BIGSERIAL NOT NULL,
    "actorId" INTEGER,
    "action" TEXT NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "parkId" INTEGER,
    "before" JSONB,
    "after" JSONB,
    "ip" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuditLog_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Region_code_key" ON "Region"("code");

-- CreateIndex
CREATE UNIQUE INDEX "Region_name_key" ON "Region"("name");

-- CreateIndex
CREATE UNIQUE INDEX "Park_code_key" ON "Park"("code");

-- CreateIndex
CREATE UNIQUE INDEX "Park_name_key" ON "Park"("name");

-- CreateIndex
CREATE INDEX "Park_regionId_idx" ON "Park"("regionId");

-- CreateIndex
CREATE UNIQUE INDEX "User_username_key" ON "User"("username");

-- CreateIndex
CREATE INDEX "Membership_parkId_idx" ON "Membership"("parkId");

-- CreateIndex
CREATE INDEX "Membership_regionId_idx" ON "Membership"("regionId");

-- CreateIndex
CREATE UNIQUE INDEX "Membership_userId_role_parkId_regionId_key" ON "Membership"("userId", "role", "parkId", "regionId");

-- CreateIndex
CREATE UNIQUE INDEX "ApiToken_tokenHash_key" ON "ApiToken"("tokenHash");

-- CreateIndex
CREATE UNIQUE INDEX "Enterprise_creditCode_key" ON "Enterprise"("creditCode");

-- CreateIndex
CREATE UNIQUE INDEX "Enterprise_parkId_name_key" ON "Enterprise"("parkId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "Project_code_key" ON "Project"("code");

-- CreateIndex
CREATE INDEX "Project_parkId_stage_status_idx" ON "Project"("parkId", "stage", "status");

-- CreateIndex
CREATE INDEX "Project_parkId_signedDate_idx" ON "Project"("parkId", "signedDate");

-- CreateIndex
CREATE INDEX "Project_enterpriseId_idx" ON "Project"("enterpriseId");

-- CreateIndex
CREATE INDEX "Project_parkId_name_idx" ON "Project"("parkId", "name");

-- CreateIndex
CREATE INDEX "ProjectYearPlan_year_idx" ON "ProjectYearPlan"("year");

-- CreateIndex
CREATE UNIQUE INDEX "ProjectYearPlan_projectId_year_key" ON "ProjectYearPlan"("projectId", "year");

-- CreateIndex
CREATE INDEX "StageEvent_projectId_createdAt_idx" ON "StageEvent"("projectId", "createdAt");

-- CreateIndex
CREATE INDEX "ProgressReport_year_month_idx" ON "ProgressReport"("year", "month");

-- CreateIndex
CREATE UNIQUE INDEX "ProgressReport_projectId_year_month_key" ON "ProgressReport"("projectId", "year", "month");

-- CreateIndex
CREATE INDEX "Assignment_userId_endDate_idx" ON "Assignment"("userId", "endDate");

-- CreateIndex
CREATE INDEX "Assignment_projectId_role_idx" ON "Assignment"("projectId", "role");

-- CreateIndex
CREATE INDEX "Assignment_enterpriseId_role_idx" ON "Assignment"("enterpriseId", "role");

-- CreateIndex
CREATE INDEX "Assignment_parkId_idx" ON "Assignment"("parkId");

-- CreateIndex
CREATE INDEX "Visit_liaisonId_visitDate_idx" ON "Visit"("liaisonId", "visitDate");

-- CreateIndex
CREATE INDEX "Visit_enterpriseId_visitDate_idx" ON "Visit"("enterpriseId", "visitDate");

-- CreateIndex
CREATE UNIQUE INDEX "EnterpriseIssue_code_key" ON "EnterpriseIssue"("code");

-- CreateIndex
CREATE INDEX "EnterpriseIssue_parkId_status_resolveDeadline_idx" ON "EnterpriseIssue"("parkId", "status", "resolveDeadline");

-- CreateIndex
CREATE INDEX "EnterpriseIssue_responsibleUserId_status_idx" ON "EnterpriseIssue"("responsibleUserId", "status");

-- CreateIndex
CREATE INDEX "EnterpriseIssue_projectId_idx" ON "EnterpriseIssue"("projectId");

-- CreateIndex
CREATE INDEX "IssueEvent_issueId_createdAt_idx" ON "IssueEvent"("issueId", "createdAt");

-- CreateIndex
CREATE INDEX "IssueExtension_issueId_idx" ON "IssueExtension"("issueId");

-- CreateIndex
CREATE INDEX "Notification_userId_readAt_idx" ON "Notification"("userId", "readAt");

-- CreateIndex
CREATE INDEX "Attachment_projectId_idx" ON "Attachment"("projectId");

-- CreateIndex
CREATE INDEX "Attachment_issueId_idx" ON "Attachment"("issueId");

-- CreateIndex
CREATE INDEX "AuditLog_entityType_entityId_createdAt_idx" ON "AuditLog"("entityType", "entityId", "createdAt");

-- CreateIndex
CREATE INDEX "AuditLog_parkId_createdAt_idx" ON "AuditLog"("parkId", "createdAt");

-- CreateIndex
CREATE INDEX "AuditLog_actorId_createdAt_idx" ON "AuditLog"("actorId", "createdAt");

-- AddForeignKey
ALTER TABLE "Park" ADD CONSTRAINT "Park_regionId_fkey" FOREIGN KEY ("regionId") REFERENCES "Region"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_parkId_fkey" FOREIGN KEY ("parkId") REFERENCES "Park"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_regionId_fkey" FOREIGN KEY ("regionId") REFERENCES "Region"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApiToken" ADD CONSTRAINT "ApiToken_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApiTokenPark" ADD CONSTRAINT "ApiTokenPark_tokenId_fkey" FOREIGN KEY ("tokenId") REFERENCES "ApiToken"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApiTokenPark" ADD CONSTRAINT "ApiTokenPark_parkId_fkey" FOREIGN KEY ("parkId") REFERENCES "Park"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Enterprise" ADD CONSTRAINT "Enterprise_parkId_fkey" FOREIGN KEY ("parkId") REFERENCES "Park"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Project" ADD CONSTRAINT "Project_parkId_fkey" FOREIGN KEY ("parkId") REFERENCES "Park"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Project" ADD CONSTRAINT "Project_enterpriseId_fkey" FOREIGN KEY ("enterpriseId") REFERENCES "Enterprise"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Project" ADD CONSTRAINT "Project_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProjectYearPlan" ADD CONSTRAINT "ProjectYearPlan_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StageEvent" ADD CONSTRAINT "StageEvent_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StageEvent" ADD CONSTRAINT "StageEvent_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProgressReport" ADD CONSTRAINT "ProgressReport_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProgressReport" ADD CONSTRAINT "ProgressReport_filedById_fkey" FOREIGN KEY ("filedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Assignment" ADD CONSTRAINT "Assignment_parkId_fkey" FOREIGN KEY ("parkId") REFERENCES "Park"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Assignment" ADD CONSTRAINT "Assignment_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Assignment" ADD CONSTRAINT "Assignment_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Assignment" ADD CONSTRAINT "Assignment_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Assignment" ADD CONSTRAINT "Assignment_enterpriseId_fkey" FOREIGN KEY ("enterpriseId") REFERENCES "Enterprise"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Visit" ADD CONSTRAINT "Visit_parkId_fkey" FOREIGN KEY ("parkId") REFERENCES "Park"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Visit" ADD CONSTRAINT "Visit_enterpriseId_fkey" FOREIGN KEY ("enterpriseId") REFERENCES "Enterprise"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Visit" ADD CONSTRAINT "Visit_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Visit" ADD CONSTRAINT "Visit_liaisonId_fkey" FOREIGN KEY ("liaisonId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EnterpriseIssue" ADD CONSTRAINT "EnterpriseIssue_parkId_fkey" FOREIGN KEY ("parkId") REFERENCES "Park"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EnterpriseIssue" ADD CONSTRAINT "EnterpriseIssue_enterpriseId_fkey" FOREIGN KEY ("enterpriseId") REFERENCES "Enterprise"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EnterpriseIssue" ADD CONSTRAINT "EnterpriseIssue_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EnterpriseIssue" ADD CONSTRAINT "EnterpriseIssue_visitId_fkey" FOREIGN KEY ("visitId") REFERENCES "Visit"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EnterpriseIssue" ADD CONSTRAINT "EnterpriseIssue_reporterId_fkey" FOREIGN KEY ("reporterId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EnterpriseIssue" ADD CONSTRAINT "EnterpriseIssue_responsibleUserId_fkey" FOREIGN KEY ("responsibleUserId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IssueEvent" ADD CONSTRAINT "IssueEvent_issueId_fkey" FOREIGN KEY ("issueId") REFERENCES "EnterpriseIssue"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IssueEvent" ADD CONSTRAINT "IssueEvent_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IssueExtension" ADD CONSTRAINT "IssueExtension_issueId_fkey" FOREIGN KEY ("issueId") REFERENCES "EnterpriseIssue"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IssueExtension" ADD CONSTRAINT "IssueExtension_requestedById_fkey" FOREIGN KEY ("requestedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IssueExtension" ADD CONSTRAINT "IssueExtension_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_issueId_fkey" FOREIGN KEY ("issueId") REFERENCES "EnterpriseIssue"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Attachment" ADD CONSTRAINT "Attachment_parkId_fkey" FOREIGN KEY ("parkId") REFERENCES "Park"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Attachment" ADD CONSTRAINT "Attachment_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Attachment" ADD CONSTRAINT "Attachment_stageEventId_fkey" FOREIGN KEY ("stageEventId") REFERENCES "StageEvent"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Attachment" ADD CONSTRAINT "Attachment_issueId_fkey" FOREIGN KEY ("issueId") REFERENCES "EnterpriseIssue"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Attachment" ADD CONSTRAINT "Attachment_visitId_fkey" FOREIGN KEY ("visitId") REFERENCES "Visit"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Attachment" ADD CONSTRAINT "Attachment_progressReportId_fkey" FOREIGN KEY ("progressReportId") REFERENCES "ProgressReport"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Attachment" ADD CONSTRAINT "Attachment_uploadedById_fkey" FOREIGN KEY ("uploadedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditLog" ADD CONSTRAINT "AuditLog_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
