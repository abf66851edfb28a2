-- CreateTable
CREATE TABLE "DailyAiStat" (
    "day" DATE NOT NULL,
    "serviceId" INTEGER NOT NULL,
    "kind" "ChangeKind" NOT NULL,
    "aiAssisted" BOOLEAN NOT NULL,
    "involvement" TEXT NOT NULL,
    "band" TEXT NOT NULL,
    "mismatch" BOOLEAN NOT NULL,
    "changes" INTEGER NOT NULL,
    "failed" INTEGER NOT NULL,

    CONSTRAINT "DailyAiStat_pkey" PRIMARY KEY ("day","serviceId","kind","aiAssisted","involvement","band","mismatch")
);
