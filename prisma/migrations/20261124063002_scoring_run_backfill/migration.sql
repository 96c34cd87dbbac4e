-- AlterTable
ALTER TABLE "ScoringRun" ADD COLUMN     "backfillDays" INTEGER,
ADD COLUMN     "daysDone" INTEGER NOT NULL DEFAULT 0;
