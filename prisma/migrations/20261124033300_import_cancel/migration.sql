-- AlterTable
ALTER TABLE "ImportJob" ADD COLUMN     "cancelRequestedAt" TIMESTAMPTZ(3);
