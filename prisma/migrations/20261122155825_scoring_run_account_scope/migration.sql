-- AlterTable
ALTER TABLE "ScoringRun" ADD COLUMN     "accountIds" UUID[] DEFAULT ARRAY[]::UUID[],
ADD COLUMN     "full" BOOLEAN NOT NULL DEFAULT true;
