-- CreateEnum
CREATE TYPE "OutboundWebhookKind" AS ENUM ('WEBHOOK', 'SLACK');

-- AlterTable
ALTER TABLE "OrgSettings" ADD COLUMN     "reportRecipients" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- AlterTable
ALTER TABLE "OutboundDelivery" ADD COLUMN     "emailTo" TEXT;

-- AlterTable
ALTER TABLE "OutboundWebhook" ADD COLUMN     "kind" "OutboundWebhookKind" NOT NULL DEFAULT 'WEBHOOK';

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "emailApprovalNeeded" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "emailWeeklyReport" BOOLEAN NOT NULL DEFAULT true;

-- CreateIndex
CREATE UNIQUE INDEX "OutboundDelivery_emailTo_eventId_key" ON "OutboundDelivery"("emailTo", "eventId");

-- A delivery goes to exactly one target: an outbound webhook (or Slack destination), an integration, or one email address.
ALTER TABLE "OutboundDelivery" DROP CONSTRAINT "OutboundDelivery_one_target";
ALTER TABLE "OutboundDelivery" ADD CONSTRAINT "OutboundDelivery_one_target"
  CHECK (num_nonnulls("webhookId", "integrationId", "emailTo") = 1);
