-- AlterTable
ALTER TABLE "ScoreSnapshot" ALTER COLUMN "detail" SET DATA TYPE JSON;
