-- DropIndex
DROP INDEX "CurrentScore_organizationId_scorecardId_priority_idx";

-- Scores not ranked yet rank last.
UPDATE "CurrentScore" SET "priority" = 0 WHERE "priority" IS NULL;

-- AlterTable
ALTER TABLE "CurrentScore" ADD COLUMN     "tier30" TEXT,
ALTER COLUMN "priority" SET NOT NULL,
ALTER COLUMN "priority" SET DEFAULT 0;

-- CreateTable
CREATE TABLE "CurrentRollup" (
    "organizationId" UUID NOT NULL,
    "scorecardId" UUID NOT NULL,
    "dimension" "RollupDimension" NOT NULL,
    "dimensionKey" TEXT NOT NULL,
    "tierKey" TEXT NOT NULL,
    "bucket" INTEGER NOT NULL,
    "tier30" TEXT NOT NULL,
    "accounts" INTEGER NOT NULL,
    "scored" INTEGER NOT NULL,
    "scoreSum" DOUBLE PRECISION NOT NULL,
    "coverageSum" DOUBLE PRECISION NOT NULL,
    "arr" DECIMAL(16,2) NOT NULL,

    CONSTRAINT "CurrentRollup_pkey" PRIMARY KEY ("organizationId","scorecardId","dimension","dimensionKey","tierKey","bucket","tier30")
);

-- CreateIndex
CREATE INDEX "CurrentScore_organizationId_scorecardId_priority_accountId_idx" ON "CurrentScore"("organizationId", "scorecardId", "priority" DESC, "accountId");
