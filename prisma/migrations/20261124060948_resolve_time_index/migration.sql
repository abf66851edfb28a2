-- CreateIndex
CREATE INDEX "Incident_impactStartedAt_severity_resolvedAt_idx" ON "Incident"("impactStartedAt", "severity", "resolvedAt");
