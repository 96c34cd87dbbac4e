-- CreateEnum
CREATE TYPE "Role" AS ENUM ('owner', 'admin', 'manager', 'csm', 'viewer');

-- CreateEnum
CREATE TYPE "AccountStatus" AS ENUM ('active', 'churned');

-- CreateEnum
CREATE TYPE "SegmentSource" AS ENUM ('rule', 'manual');

-- CreateEnum
CREATE TYPE "MetricCategory" AS ENUM ('usage', 'engagement', 'support', 'financial', 'sentiment', 'nps', 'fit', 'external');

-- CreateEnum
CREATE TYPE "MetricValueType" AS ENUM ('number', 'boolean', 'categorical', 'percent');

-- CreateEnum
CREATE TYPE "MetricDirection" AS ENUM ('higher_is_better', 'lower_is_better', 'neutral');

-- CreateEnum
CREATE TYPE "MetricNormalization" AS ENUM ('none', 'per_seat', 'per_active_user', 'per_arr_unit');

-- CreateEnum
CREATE TYPE "MetricSource" AS ENUM ('import', 'api', 'manual', 'computed');

-- CreateEnum
CREATE TYPE "ModelVersionStatus" AS ENUM ('draft', 'published', 'superseded');

-- CreateEnum
CREATE TYPE "RollupDimension" AS ENUM ('organization', 'segment', 'team', 'owner', 'stage');

-- CreateEnum
CREATE TYPE "Severity" AS ENUM ('low', 'medium', 'high', 'critical');

-- CreateEnum
CREATE TYPE "AlertStatus" AS ENUM ('open', 'acknowledged', 'snoozed', 'resolved');

-- CreateEnum
CREATE TYPE "OutcomeKind" AS ENUM ('renewed', 'churned', 'expanded', 'contracted');

-- CreateEnum
CREATE TYPE "ImportKind" AS ENUM ('accounts', 'observations', 'outcomes');

-- CreateEnum
CREATE TYPE "ImportStatus" AS ENUM ('uploaded', 'validated', 'committing', 'committed', 'failed');

-- CreateTable
CREATE TABLE "Organization" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "settings" JSONB NOT NULL DEFAULT '{}',
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Organization_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "User" (
    "id" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "disabledAt" TIMESTAMPTZ(3),
    "passwordChangedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuthSession" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "activeOrganizationId" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revokedAt" TIMESTAMPTZ(3),
    "userAgent" TEXT,
    "ip" TEXT,

    CONSTRAINT "AuthSession_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LoginThrottle" (
    "key" TEXT NOT NULL,
    "failures" INTEGER NOT NULL DEFAULT 0,
    "windowStartsAt" TIMESTAMPTZ(3) NOT NULL,
    "lockedUntil" TIMESTAMPTZ(3),

    CONSTRAINT "LoginThrottle_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "Membership" (
    "organizationId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "role" "Role" NOT NULL,
    "disabledAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Membership_pkey" PRIMARY KEY ("organizationId","userId")
);

-- CreateTable
CREATE TABLE "Team" (
    "organizationId" UUID NOT NULL,
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Team_pkey" PRIMARY KEY ("organizationId","id")
);

-- CreateTable
CREATE TABLE "TeamMembership" (
    "organizationId" UUID NOT NULL,
    "teamId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "isManager" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "TeamMembership_pkey" PRIMARY KEY ("organizationId","teamId","userId")
);

-- CreateTable
CREATE TABLE "Invitation" (
    "organizationId" UUID NOT NULL,
    "id" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "teamId" UUID,
    "tokenHash" TEXT NOT NULL,
    "invitedById" UUID NOT NULL,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "acceptedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Invitation_pkey" PRIMARY KEY ("organizationId","id")
);

-- CreateTable
CREATE TABLE "Account" (
    "organizationId" UUID NOT NULL,
    "id" UUID NOT NULL,
    "externalId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "domain" TEXT,
    "ownerId" UUID,
    "teamId" UUID,
    "arr" DECIMAL(14,2) NOT NULL DEFAULT 0,
    "seats" INTEGER,
    "activeUsers" INTEGER,
    "plan" TEXT,
    "region" TEXT,
    "startDate" DATE,
    "renewalDate" DATE,
    "traits" JSONB NOT NULL DEFAULT '{}',
    "status" "AccountStatus" NOT NULL DEFAULT 'active',
    "lifecycleStageId" UUID,
    "stagePinned" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Account_pkey" PRIMARY KEY ("organizationId","id")
);

-- CreateTable
CREATE TABLE "Segment" (
    "organizationId" UUID NOT NULL,
    "id" UUID NOT NULL,
    "key" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "rule" JSONB,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Segment_pkey" PRIMARY KEY ("organizationId","id")
);

-- CreateTable
CREATE TABLE "AccountSegment" (
    "organizationId" UUID NOT NULL,
    "segmentId" UUID NOT NULL,
    "accountId" UUID NOT NULL,
    "source" "SegmentSource" NOT NULL DEFAULT 'rule',

    CONSTRAINT "AccountSegment_pkey" PRIMARY KEY ("organizationId","segmentId","accountId")
);

-- CreateTable
CREATE TABLE "LifecycleStage" (
    "organizationId" UUID NOT NULL,
    "id" UUID NOT NULL,
    "key" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "rule" JSONB,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LifecycleStage_pkey" PRIMARY KEY ("organizationId","id")
);

-- CreateTable
CREATE TABLE "MetricDefinition" (
    "organizationId" UUID NOT NULL,
    "id" UUID NOT NULL,
    "key" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "category" "MetricCategory" NOT NULL,
    "valueType" "MetricValueType" NOT NULL,
    "unit" TEXT,
    "direction" "MetricDirection" NOT NULL DEFAULT 'higher_is_better',
    "normalization" "MetricNormalization" NOT NULL DEFAULT 'none',
    "stalenessDays" INTEGER,
    "source" "MetricSource" NOT NULL DEFAULT 'import',
    "options" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "retiredAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MetricDefinition_pkey" PRIMARY KEY ("organizationId","id")
);

-- CreateTable
CREATE TABLE "MetricObservation" (
    "organizationId" UUID NOT NULL,
    "accountId" UUID NOT NULL,
    "metricId" UUID NOT NULL,
    "observedAt" TIMESTAMPTZ(3) NOT NULL,
    "value" DOUBLE PRECISION,
    "textValue" TEXT,
    "source" "MetricSource" NOT NULL DEFAULT 'import',
    "recordedById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MetricObservation_pkey" PRIMARY KEY ("organizationId","accountId","metricId","observedAt")
);

-- CreateTable
CREATE TABLE "MetricCurrentValue" (
    "organizationId" UUID NOT NULL,
    "accountId" UUID NOT NULL,
    "metricId" UUID NOT NULL,
    "observedAt" TIMESTAMPTZ(3) NOT NULL,
    "value" DOUBLE PRECISION,
    "textValue" TEXT,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MetricCurrentValue_pkey" PRIMARY KEY ("organizationId","accountId","metricId")
);

-- CreateTable
CREATE TABLE "Scorecard" (
    "organizationId" UUID NOT NULL,
    "id" UUID NOT NULL,
    "key" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "publishedVersionId" UUID,
    "archivedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Scorecard_pkey" PRIMARY KEY ("organizationId","id")
);

-- CreateTable
CREATE TABLE "ModelVersion" (
    "organizationId" UUID NOT NULL,
    "id" UUID NOT NULL,
    "scorecardId" UUID NOT NULL,
    "number" INTEGER NOT NULL,
    "status" "ModelVersionStatus" NOT NULL DEFAULT 'draft',
    "definition" JSONB NOT NULL,
    "changeNote" TEXT,
    "createdById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "publishedAt" TIMESTAMPTZ(3),
    "publishedById" UUID,

    CONSTRAINT "ModelVersion_pkey" PRIMARY KEY ("organizationId","id")
);

-- CreateTable
CREATE TABLE "ScoreSnapshot" (
    "organizationId" UUID NOT NULL,
    "scorecardId" UUID NOT NULL,
    "accountId" UUID NOT NULL,
    "day" DATE NOT NULL,
    "modelVersionId" UUID NOT NULL,
    "variantKey" TEXT,
    "score" DOUBLE PRECISION,
    "overriddenScore" DOUBLE PRECISION,
    "tierKey" TEXT NOT NULL,
    "overriddenTier" TEXT,
    "coverage" DOUBLE PRECISION NOT NULL,
    "detail" JSONB NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ScoreSnapshot_pkey" PRIMARY KEY ("organizationId","scorecardId","accountId","day")
);

-- CreateTable
CREATE TABLE "CurrentScore" (
    "organizationId" UUID NOT NULL,
    "scorecardId" UUID NOT NULL,
    "accountId" UUID NOT NULL,
    "modelVersionId" UUID NOT NULL,
    "variantKey" TEXT,
    "score" DOUBLE PRECISION,
    "tierKey" TEXT NOT NULL,
    "coverage" DOUBLE PRECISION NOT NULL,
    "delta7" DOUBLE PRECISION,
    "delta30" DOUBLE PRECISION,
    "delta90" DOUBLE PRECISION,
    "slope30" DOUBLE PRECISION,
    "computedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "CurrentScore_pkey" PRIMARY KEY ("organizationId","scorecardId","accountId")
);

-- CreateTable
CREATE TABLE "ScoreRollup" (
    "organizationId" UUID NOT NULL,
    "scorecardId" UUID NOT NULL,
    "day" DATE NOT NULL,
    "dimension" "RollupDimension" NOT NULL,
    "dimensionKey" TEXT NOT NULL,
    "tierKey" TEXT NOT NULL,
    "accounts" INTEGER NOT NULL,
    "scoreSum" DOUBLE PRECISION NOT NULL,
    "coverageSum" DOUBLE PRECISION NOT NULL,
    "arr" DECIMAL(16,2) NOT NULL,

    CONSTRAINT "ScoreRollup_pkey" PRIMARY KEY ("organizationId","scorecardId","dimension","dimensionKey","day","tierKey")
);

-- CreateTable
CREATE TABLE "ScoreOverride" (
    "organizationId" UUID NOT NULL,
    "id" UUID NOT NULL,
    "scorecardId" UUID NOT NULL,
    "accountId" UUID NOT NULL,
    "score" DOUBLE PRECISION,
    "tierKey" TEXT,
    "reason" TEXT NOT NULL,
    "authorId" UUID NOT NULL,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "revokedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ScoreOverride_pkey" PRIMARY KEY ("organizationId","id")
);

-- CreateTable
CREATE TABLE "ScoringRun" (
    "organizationId" UUID NOT NULL,
    "id" UUID NOT NULL,
    "trigger" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "accounts" INTEGER NOT NULL DEFAULT 0,
    "startedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMPTZ(3),
    "error" TEXT,

    CONSTRAINT "ScoringRun_pkey" PRIMARY KEY ("organizationId","id")
);

-- CreateTable
CREATE TABLE "AlertRule" (
    "organizationId" UUID NOT NULL,
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "scorecardId" UUID,
    "scope" JSONB NOT NULL DEFAULT '{}',
    "params" JSONB NOT NULL DEFAULT '{}',
    "severity" "Severity" NOT NULL DEFAULT 'medium',
    "cooldownHours" INTEGER NOT NULL DEFAULT 168,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "createdById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AlertRule_pkey" PRIMARY KEY ("organizationId","id")
);

-- CreateTable
CREATE TABLE "AlertRuleState" (
    "organizationId" UUID NOT NULL,
    "ruleId" UUID NOT NULL,
    "accountId" UUID NOT NULL,
    "armed" BOOLEAN NOT NULL DEFAULT true,
    "lastRaisedAt" TIMESTAMPTZ(3),

    CONSTRAINT "AlertRuleState_pkey" PRIMARY KEY ("organizationId","ruleId","accountId")
);

-- CreateTable
CREATE TABLE "Alert" (
    "organizationId" UUID NOT NULL,
    "id" UUID NOT NULL,
    "ruleId" UUID NOT NULL,
    "accountId" UUID NOT NULL,
    "scorecardId" UUID,
    "status" "AlertStatus" NOT NULL DEFAULT 'open',
    "severity" "Severity" NOT NULL,
    "title" TEXT NOT NULL,
    "detail" JSONB NOT NULL DEFAULT '{}',
    "assigneeId" UUID,
    "teamId" UUID,
    "snoozedUntil" TIMESTAMPTZ(3),
    "resolution" TEXT,
    "raisedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "resolvedAt" TIMESTAMPTZ(3),
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Alert_pkey" PRIMARY KEY ("organizationId","id")
);

-- CreateTable
CREATE TABLE "Note" (
    "organizationId" UUID NOT NULL,
    "id" UUID NOT NULL,
    "accountId" UUID NOT NULL,
    "authorId" UUID,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Note_pkey" PRIMARY KEY ("organizationId","id")
);

-- CreateTable
CREATE TABLE "Outcome" (
    "organizationId" UUID NOT NULL,
    "id" UUID NOT NULL,
    "accountId" UUID NOT NULL,
    "kind" "OutcomeKind" NOT NULL,
    "occurredOn" DATE NOT NULL,
    "arrBefore" DECIMAL(14,2),
    "arrAfter" DECIMAL(14,2),
    "note" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Outcome_pkey" PRIMARY KEY ("organizationId","id")
);

-- CreateTable
CREATE TABLE "ImportJob" (
    "organizationId" UUID NOT NULL,
    "id" UUID NOT NULL,
    "kind" "ImportKind" NOT NULL,
    "status" "ImportStatus" NOT NULL DEFAULT 'uploaded',
    "fileName" TEXT NOT NULL,
    "mapping" JSONB NOT NULL DEFAULT '{}',
    "totalRows" INTEGER NOT NULL DEFAULT 0,
    "processedRows" INTEGER NOT NULL DEFAULT 0,
    "acceptedRows" INTEGER NOT NULL DEFAULT 0,
    "rejectedRows" INTEGER NOT NULL DEFAULT 0,
    "error" TEXT,
    "createdById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMPTZ(3),

    CONSTRAINT "ImportJob_pkey" PRIMARY KEY ("organizationId","id")
);

-- CreateTable
CREATE TABLE "ImportRejectedRow" (
    "organizationId" UUID NOT NULL,
    "importJobId" UUID NOT NULL,
    "line" INTEGER NOT NULL,
    "column" TEXT NOT NULL DEFAULT '',
    "reason" TEXT NOT NULL,
    "raw" TEXT,

    CONSTRAINT "ImportRejectedRow_pkey" PRIMARY KEY ("organizationId","importJobId","line","column")
);

-- CreateTable
CREATE TABLE "ApiKey" (
    "organizationId" UUID NOT NULL,
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "keyHash" TEXT NOT NULL,
    "scopes" TEXT[],
    "createdById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUsedAt" TIMESTAMPTZ(3),
    "revokedAt" TIMESTAMPTZ(3),

    CONSTRAINT "ApiKey_pkey" PRIMARY KEY ("organizationId","id")
);

-- CreateTable
CREATE TABLE "Webhook" (
    "organizationId" UUID NOT NULL,
    "id" UUID NOT NULL,
    "url" TEXT NOT NULL,
    "secret" TEXT NOT NULL,
    "events" TEXT[],
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Webhook_pkey" PRIMARY KEY ("organizationId","id")
);

-- CreateTable
CREATE TABLE "WebhookDelivery" (
    "organizationId" UUID NOT NULL,
    "id" UUID NOT NULL,
    "webhookId" UUID NOT NULL,
    "event" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMPTZ(3),
    "lastStatusCode" INTEGER,
    "lastError" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deliveredAt" TIMESTAMPTZ(3),

    CONSTRAINT "WebhookDelivery_pkey" PRIMARY KEY ("organizationId","id")
);

-- CreateTable
CREATE TABLE "AuditLog" (
    "organizationId" UUID NOT NULL,
    "id" UUID NOT NULL,
    "actorId" UUID,
    "actorKind" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" TEXT,
    "before" JSONB,
    "after" JSONB,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuditLog_pkey" PRIMARY KEY ("organizationId","id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Organization_slug_key" ON "Organization"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE INDEX "AuthSession_userId_idx" ON "AuthSession"("userId");

-- CreateIndex
CREATE INDEX "Membership_userId_idx" ON "Membership"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "Team_organizationId_name_key" ON "Team"("organizationId", "name");

-- CreateIndex
CREATE INDEX "TeamMembership_organizationId_userId_idx" ON "TeamMembership"("organizationId", "userId");

-- CreateIndex
CREATE UNIQUE INDEX "Invitation_tokenHash_key" ON "Invitation"("tokenHash");

-- CreateIndex
CREATE INDEX "Invitation_organizationId_email_idx" ON "Invitation"("organizationId", "email");

-- CreateIndex
CREATE INDEX "Account_organizationId_ownerId_idx" ON "Account"("organizationId", "ownerId");

-- CreateIndex
CREATE INDEX "Account_organizationId_teamId_idx" ON "Account"("organizationId", "teamId");

-- CreateIndex
CREATE INDEX "Account_organizationId_renewalDate_idx" ON "Account"("organizationId", "renewalDate");

-- CreateIndex
CREATE INDEX "Account_organizationId_name_idx" ON "Account"("organizationId", "name");

-- CreateIndex
CREATE INDEX "Account_organizationId_arr_idx" ON "Account"("organizationId", "arr");

-- CreateIndex
CREATE INDEX "Account_organizationId_lifecycleStageId_idx" ON "Account"("organizationId", "lifecycleStageId");

-- CreateIndex
CREATE UNIQUE INDEX "Account_organizationId_externalId_key" ON "Account"("organizationId", "externalId");

-- CreateIndex
CREATE UNIQUE INDEX "Segment_organizationId_key_key" ON "Segment"("organizationId", "key");

-- CreateIndex
CREATE INDEX "AccountSegment_organizationId_accountId_idx" ON "AccountSegment"("organizationId", "accountId");

-- CreateIndex
CREATE UNIQUE INDEX "LifecycleStage_organizationId_key_key" ON "LifecycleStage"("organizationId", "key");

-- CreateIndex
CREATE UNIQUE INDEX "MetricDefinition_organizationId_key_key" ON "MetricDefinition"("organizationId", "key");

-- CreateIndex
CREATE INDEX "MetricObservation_organizationId_metricId_observedAt_idx" ON "MetricObservation"("organizationId", "metricId", "observedAt");

-- CreateIndex
CREATE INDEX "MetricCurrentValue_organizationId_metricId_idx" ON "MetricCurrentValue"("organizationId", "metricId");

-- CreateIndex
CREATE UNIQUE INDEX "Scorecard_organizationId_key_key" ON "Scorecard"("organizationId", "key");

-- CreateIndex
CREATE UNIQUE INDEX "ModelVersion_organizationId_scorecardId_number_key" ON "ModelVersion"("organizationId", "scorecardId", "number");

-- CreateIndex
CREATE INDEX "ScoreSnapshot_organizationId_scorecardId_day_idx" ON "ScoreSnapshot"("organizationId", "scorecardId", "day");

-- CreateIndex
CREATE INDEX "CurrentScore_organizationId_scorecardId_score_idx" ON "CurrentScore"("organizationId", "scorecardId", "score");

-- CreateIndex
CREATE INDEX "CurrentScore_organizationId_scorecardId_tierKey_idx" ON "CurrentScore"("organizationId", "scorecardId", "tierKey");

-- CreateIndex
CREATE INDEX "ScoreRollup_organizationId_scorecardId_day_idx" ON "ScoreRollup"("organizationId", "scorecardId", "day");

-- CreateIndex
CREATE INDEX "ScoreOverride_organizationId_scorecardId_accountId_idx" ON "ScoreOverride"("organizationId", "scorecardId", "accountId");

-- CreateIndex
CREATE INDEX "ScoringRun_organizationId_startedAt_idx" ON "ScoringRun"("organizationId", "startedAt");

-- CreateIndex
CREATE INDEX "Alert_organizationId_status_assigneeId_idx" ON "Alert"("organizationId", "status", "assigneeId");

-- CreateIndex
CREATE INDEX "Alert_organizationId_accountId_idx" ON "Alert"("organizationId", "accountId");

-- CreateIndex
CREATE INDEX "Note_organizationId_accountId_createdAt_idx" ON "Note"("organizationId", "accountId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Outcome_organizationId_accountId_kind_occurredOn_key" ON "Outcome"("organizationId", "accountId", "kind", "occurredOn");

-- CreateIndex
CREATE INDEX "ImportJob_organizationId_createdAt_idx" ON "ImportJob"("organizationId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "ApiKey_keyHash_key" ON "ApiKey"("keyHash");

-- CreateIndex
CREATE INDEX "WebhookDelivery_status_nextAttemptAt_idx" ON "WebhookDelivery"("status", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "AuditLog_organizationId_createdAt_idx" ON "AuditLog"("organizationId", "createdAt");

-- AddForeignKey
ALTER TABLE "AuthSession" ADD CONSTRAINT "AuthSession_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Team" ADD CONSTRAINT "Team_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TeamMembership" ADD CONSTRAINT "TeamMembership_organizationId_teamId_fkey" FOREIGN KEY ("organizationId", "teamId") REFERENCES "Team"("organizationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TeamMembership" ADD CONSTRAINT "TeamMembership_organizationId_userId_fkey" FOREIGN KEY ("organizationId", "userId") REFERENCES "Membership"("organizationId", "userId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Account" ADD CONSTRAINT "Account_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Account" ADD CONSTRAINT "Account_organizationId_ownerId_fkey" FOREIGN KEY ("organizationId", "ownerId") REFERENCES "Membership"("organizationId", "userId") ON DELETE NO ACTION ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Account" ADD CONSTRAINT "Account_organizationId_teamId_fkey" FOREIGN KEY ("organizationId", "teamId") REFERENCES "Team"("organizationId", "id") ON DELETE NO ACTION ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Account" ADD CONSTRAINT "Account_organizationId_lifecycleStageId_fkey" FOREIGN KEY ("organizationId", "lifecycleStageId") REFERENCES "LifecycleStage"("organizationId", "id") ON DELETE NO ACTION ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AccountSegment" ADD CONSTRAINT "AccountSegment_organizationId_segmentId_fkey" FOREIGN KEY ("organizationId", "segmentId") REFERENCES "Segment"("organizationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AccountSegment" ADD CONSTRAINT "AccountSegment_organizationId_accountId_fkey" FOREIGN KEY ("organizationId", "accountId") REFERENCES "Account"("organizationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MetricObservation" ADD CONSTRAINT "MetricObservation_organizationId_accountId_fkey" FOREIGN KEY ("organizationId", "accountId") REFERENCES "Account"("organizationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MetricObservation" ADD CONSTRAINT "MetricObservation_organizationId_metricId_fkey" FOREIGN KEY ("organizationId", "metricId") REFERENCES "MetricDefinition"("organizationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MetricCurrentValue" ADD CONSTRAINT "MetricCurrentValue_organizationId_accountId_fkey" FOREIGN KEY ("organizationId", "accountId") REFERENCES "Account"("organizationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MetricCurrentValue" ADD CONSTRAINT "MetricCurrentValue_organizationId_metricId_fkey" FOREIGN KEY ("organizationId", "metricId") REFERENCES "MetricDefinition"("organizationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ModelVersion" ADD CONSTRAINT "ModelVersion_organizationId_scorecardId_fkey" FOREIGN KEY ("organizationId", "scorecardId") REFERENCES "Scorecard"("organizationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CurrentScore" ADD CONSTRAINT "CurrentScore_organizationId_accountId_fkey" FOREIGN KEY ("organizationId", "accountId") REFERENCES "Account"("organizationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Alert" ADD CONSTRAINT "Alert_organizationId_ruleId_fkey" FOREIGN KEY ("organizationId", "ruleId") REFERENCES "AlertRule"("organizationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Note" ADD CONSTRAINT "Note_organizationId_accountId_fkey" FOREIGN KEY ("organizationId", "accountId") REFERENCES "Account"("organizationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Outcome" ADD CONSTRAINT "Outcome_organizationId_accountId_fkey" FOREIGN KEY ("organizationId", "accountId") REFERENCES "Account"("organizationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ImportRejectedRow" ADD CONSTRAINT "ImportRejectedRow_organizationId_importJobId_fkey" FOREIGN KEY ("organizationId", "importJobId") REFERENCES "ImportJob"("organizationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WebhookDelivery" ADD CONSTRAINT "WebhookDelivery_organizationId_webhookId_fkey" FOREIGN KEY ("organizationId", "webhookId") REFERENCES "Webhook"("organizationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditLog" ADD CONSTRAINT "AuditLog_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;
