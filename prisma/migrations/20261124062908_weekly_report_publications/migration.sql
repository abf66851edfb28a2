-- CreateTable
CREATE TABLE "WeeklyReportNote" (
    "week" TEXT NOT NULL,
    "notes" TEXT NOT NULL DEFAULT '',
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "updatedById" INTEGER,

    CONSTRAINT "WeeklyReportNote_pkey" PRIMARY KEY ("week")
);

-- CreateTable
CREATE TABLE "WeeklyReportPublication" (
    "id" SERIAL NOT NULL,
    "week" TEXT NOT NULL,
    "publishedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "publishedById" INTEGER NOT NULL,
    "notes" TEXT NOT NULL DEFAULT '',
    "snapshot" JSONB NOT NULL,
    "markdown" TEXT NOT NULL,
    "incidentsCsv" TEXT NOT NULL,
    "changesCsv" TEXT NOT NULL,

    CONSTRAINT "WeeklyReportPublication_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "WeeklyReportPublication_week_publishedAt_idx" ON "WeeklyReportPublication"("week", "publishedAt");
