-- AlterTable
ALTER TABLE "ImportJob" ADD COLUMN     "newRows" INTEGER;
