-- AlterTable
ALTER TABLE "WeeklyReportPublication" ADD COLUMN     "model" JSONB;

-- CreateTable
CREATE TABLE "WeeklyReportPdf" (
    "week" TEXT NOT NULL,
    "dataVersion" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "pdf" BYTEA,
    "error" TEXT,
    "startedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMPTZ(3),
    "renderMs" INTEGER,

    CONSTRAINT "WeeklyReportPdf_pkey" PRIMARY KEY ("week","dataVersion")
);
