-- AlterTable
ALTER TABLE "CurrentScore" ADD COLUMN     "priority" DOUBLE PRECISION;

-- CreateIndex
CREATE INDEX "CurrentScore_organizationId_scorecardId_priority_idx" ON "CurrentScore"("organizationId", "scorecardId", "priority" DESC);
