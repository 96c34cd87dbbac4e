-- AlterTable
ALTER TABLE "ScoringRun" ADD COLUMN     "cancelRequestedAt" TIMESTAMPTZ(3);
