-- AlterTable
ALTER TABLE "ImportJob" ADD COLUMN     "changedRows" INTEGER;
