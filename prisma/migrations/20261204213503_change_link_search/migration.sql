-- CreateIndex
CREATE INDEX "Change_externalId_idx" ON "Change"("externalId");

-- CreateIndex
CREATE INDEX "Change_createdAt_idx" ON "Change"("createdAt");
