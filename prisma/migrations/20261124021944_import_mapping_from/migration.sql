-- AlterTable
ALTER TABLE "ImportJob" ADD COLUMN     "mappingFromId" UUID;
