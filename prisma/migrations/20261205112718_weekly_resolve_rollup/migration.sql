-- CreateTable
CREATE TABLE "WeeklyResolveStat" (
    "week" DATE NOT NULL,
    "severity" TEXT NOT NULL,
    "hours" DOUBLE PRECISION[],

    CONSTRAINT "WeeklyResolveStat_pkey" PRIMARY KEY ("week","severity")
);
