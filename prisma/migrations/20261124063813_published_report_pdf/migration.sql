-- AlterTable: earlier publications get an empty PDF (the export answers 404 for them).
ALTER TABLE "WeeklyReportPublication" ADD COLUMN "pdf" BYTEA NOT NULL DEFAULT ''::bytea;
ALTER TABLE "WeeklyReportPublication" ALTER COLUMN "pdf" DROP DEFAULT;
