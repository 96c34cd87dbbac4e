-- AlterEnum
ALTER TYPE "ImportStatus" ADD VALUE 'discarded';
