-- AlterTable
ALTER TABLE "Alert" ADD COLUMN     "acknowledgedAt" TIMESTAMPTZ(3),
ADD COLUMN     "resolvedById" UUID;

-- AlterTable
ALTER TABLE "Webhook" ADD COLUMN     "name" TEXT NOT NULL DEFAULT '';

-- CreateTable
CREATE TABLE "DigestDelivery" (
    "organizationId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "day" DATE NOT NULL,
    "sentAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DigestDelivery_pkey" PRIMARY KEY ("organizationId","userId","day")
);

-- CreateIndex
CREATE INDEX "Alert_organizationId_ruleId_accountId_idx" ON "Alert"("organizationId", "ruleId", "accountId");
