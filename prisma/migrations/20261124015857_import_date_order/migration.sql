-- CreateEnum
CREATE TYPE "DateOrder" AS ENUM ('dmy', 'mdy');

-- AlterTable
ALTER TABLE "ImportJob" ADD COLUMN     "dateOrder" "DateOrder";
