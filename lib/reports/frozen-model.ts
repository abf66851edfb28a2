// A published report keeps its model as JSON (WeeklyReportPublication.model): the page of
// a published week is rendered from that frozen copy. Instants are written as ISO strings
// and read back as Dates (every instant in the model is a field named …At).
import type { WeeklyReportModel } from "./weekly-report-model";

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

export function freezeModel(model: WeeklyReportModel): unknown {
  return JSON.parse(JSON.stringify(model));
}

export function thawModel(frozen: unknown): WeeklyReportModel | null {
  if (!frozen || typeof frozen !== "object" || !("meta" in frozen) || !("extents" in frozen)) return null;
  return JSON.parse(JSON.stringify(frozen), (key, value) =>
    key.endsWith("At") && typeof value === "string" && ISO_INSTANT.test(value) ? new Date(value) : value,
  ) as WeeklyReportModel;
}
