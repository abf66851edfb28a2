-- AlterTable
ALTER TABLE "ApprovalPolicy" ADD COLUMN     "dismissStaleApprovals" BOOLEAN NOT NULL DEFAULT true;

-- AlterTable
ALTER TABLE "Change" ADD COLUMN     "abandonedAt" TIMESTAMPTZ(3),
ADD COLUMN     "headSha" TEXT,
ADD COLUMN     "pullRequestNumber" INTEGER,
ADD COLUMN     "registeredById" INTEGER;

-- AlterTable
ALTER TABLE "Integration" ADD COLUMN     "statusToken" TEXT;

-- AlterTable
ALTER TABLE "OutboundDelivery" ADD COLUMN     "integrationId" INTEGER,
ALTER COLUMN "webhookId" DROP NOT NULL;

-- CreateIndex
CREATE INDEX "Change_repository_pullRequestNumber_idx" ON "Change"("repository", "pullRequestNumber");

-- CreateIndex
CREATE INDEX "Change_headSha_idx" ON "Change"("headSha");

-- CreateIndex
CREATE UNIQUE INDEX "OutboundDelivery_integrationId_eventId_key" ON "OutboundDelivery"("integrationId", "eventId");

-- AddForeignKey
ALTER TABLE "Change" ADD CONSTRAINT "Change_registeredById_fkey" FOREIGN KEY ("registeredById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OutboundDelivery" ADD CONSTRAINT "OutboundDelivery_integrationId_fkey" FOREIGN KEY ("integrationId") REFERENCES "Integration"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- A delivery goes to exactly one target: an outbound webhook or an integration.
ALTER TABLE "OutboundDelivery" ADD CONSTRAINT "OutboundDelivery_one_target"
  CHECK (("webhookId" IS NULL) <> ("integrationId" IS NULL));

-- Merged pull requests were keyed "owner/repo#n"; "#" is cut off in a URL, so the key
-- becomes "owner/repo/pull/n" (GitHub's own path) and the number gets its own column.
UPDATE "Change"
   SET "pullRequestNumber" = substring("externalId" from '#([0-9]+)$')::int,
       "externalId" = regexp_replace("externalId", '#([0-9]+)$', '/pull/\1')
 WHERE source = 'github' AND kind = 'PULL_REQUEST' AND "externalId" ~ '^[^#]+#[0-9]+$';

-- A material change voids an earlier decision (kept in the history as its own row).
ALTER TYPE "ApprovalDecisionKind" ADD VALUE 'DISMISSED';
