-- AlterTable
ALTER TABLE "ImportJob" ADD COLUMN     "checkedAt" TIMESTAMPTZ(3);
