-- AlterTable
ALTER TABLE "ImportJob" ADD COLUMN     "earliestAt" TIMESTAMPTZ(3);
