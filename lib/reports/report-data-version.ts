// The data version of a weekly report: a hash of everything the report shows, without the
// moment it was generated. Two requests that would print the same report share a version;
// any edit that changes a figure, a title or a list changes it (the PDF cache key).
import { createHash } from "node:crypto";
import type { WeeklyReportModel } from "./weekly-report-model";

/** Bump when the PDF layout changes, so cached PDFs of unchanged data are made again. */
export const PDF_LAYOUT_VERSION = 2;

export function reportDataVersion(model: WeeklyReportModel): string {
  const json = JSON.stringify(model, function (this: Record<string, unknown>, key, value) {
    if (key === "generatedAt") return undefined;
    // An open incident's duration counts up to the generation time; its start is in the hash.
    if (key === "durationSeconds" && this.resolvedAt === null) return undefined;
    return value;
  });
  return createHash("sha256").update(`${PDF_LAYOUT_VERSION}\n${json}`).digest("hex");
}
