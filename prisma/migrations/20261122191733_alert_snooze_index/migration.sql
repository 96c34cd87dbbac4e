-- CreateIndex
CREATE INDEX "Alert_status_snoozedUntil_idx" ON "Alert"("status", "snoozedUntil");
