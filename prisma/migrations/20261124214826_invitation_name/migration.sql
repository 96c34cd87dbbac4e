-- AlterTable
ALTER TABLE "Invitation" ADD COLUMN     "name" TEXT NOT NULL DEFAULT '';
