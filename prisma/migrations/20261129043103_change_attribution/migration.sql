-- AlterTable
ALTER TABLE "ApprovalPolicy" ADD COLUMN     "aiShareThreshold" DOUBLE PRECISION NOT NULL DEFAULT 0.2;

-- CreateTable
CREATE TABLE "ChangeAttribution" (
    "id" SERIAL NOT NULL,
    "changeId" INTEGER NOT NULL,
    "source" TEXT NOT NULL,
    "schemaVersion" TEXT NOT NULL,
    "commitSha" TEXT,
    "aiLines" INTEGER NOT NULL,
    "humanLines" INTEGER NOT NULL,
    "totalLines" INTEGER NOT NULL,
    "aiShare" DOUBLE PRECISION,
    "agents" JSONB NOT NULL,
    "coAuthors" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "declaredAiAssisted" BOOLEAN NOT NULL,
    "mismatch" BOOLEAN NOT NULL DEFAULT false,
    "thresholdApplied" DOUBLE PRECISION NOT NULL,
    "recordedById" INTEGER,
    "recordedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ChangeAttribution_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ChangeAttribution_changeId_key" ON "ChangeAttribution"("changeId");

-- CreateIndex
CREATE INDEX "ChangeAttribution_aiShare_idx" ON "ChangeAttribution"("aiShare");

-- CreateIndex
CREATE INDEX "ChangeAttribution_mismatch_idx" ON "ChangeAttribution"("mismatch");

-- AddForeignKey
ALTER TABLE "ChangeAttribution" ADD CONSTRAINT "ChangeAttribution_changeId_fkey" FOREIGN KEY ("changeId") REFERENCES "Change"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChangeAttribution" ADD CONSTRAINT "ChangeAttribution_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Counts are never negative, the total covers both sides, the share is a share.
ALTER TABLE "ChangeAttribution" ADD CONSTRAINT "ChangeAttribution_counts_check"
  CHECK ("aiLines" >= 0 AND "humanLines" >= 0
         AND "totalLines"::bigint >= "aiLines"::bigint + "humanLines"::bigint
         AND ("aiShare" IS NULL OR ("aiShare" >= 0 AND "aiShare" <= 1))
         AND "thresholdApplied" >= 0 AND "thresholdApplied" <= 1);
ALTER TABLE "ApprovalPolicy" ADD CONSTRAINT "ApprovalPolicy_aiShareThreshold_check"
  CHECK ("aiShareThreshold" >= 0 AND "aiShareThreshold" <= 1);
