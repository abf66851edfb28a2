import "server-only";
import { toChangeRow, toIncidentRow } from "@/lib/reports/build-weekly-report-model";
import { toCsv, toCsvRows } from "@/lib/reports/csv";
import { CHANGE_COLUMNS, INCIDENT_COLUMNS, changeCells, incidentCells } from "@/lib/reports/weekly-csv";
import { listWeekChanges, listWeekIncidents, type RowCursor } from "./list-week-rows";

/** Rows read per query: memory stays flat whatever the week's volume. */
export const CSV_BATCH = 2_000;

export type WeekCsvKind = "incidents" | "changes";

/**
 * incidents.csv or changes.csv of a week as text chunks: the header, then one chunk per
 * batch of CSV_BATCH rows read by keyset (never the whole week in memory at once).
 */
export async function* weekCsvChunks(kind: WeekCsvKind, monday: string, timeZone: string, now: Date) {
  const columns = kind === "incidents" ? INCIDENT_COLUMNS : CHANGE_COLUMNS;
  yield toCsv(columns, []);
  let after: RowCursor | null = null;
  for (;;) {
    let chunk: string;
    let last: RowCursor | null = null;
    let count: number;
    if (kind === "incidents") {
      const rows = await listWeekIncidents(monday, timeZone, { after, take: CSV_BATCH });
      chunk = toCsvRows(
        columns,
        rows.map((row) => incidentCells(toIncidentRow(row, now))),
      );
      count = rows.length;
      if (rows.length) last = { at: rows.at(-1)!.impactStartedAt, id: rows.at(-1)!.id };
    } else {
      const rows = await listWeekChanges(monday, timeZone, { after, take: CSV_BATCH });
      chunk = toCsvRows(
        columns,
        rows.map((row) => changeCells(toChangeRow(row))),
      );
      count = rows.length;
      if (rows.length) last = { at: rows.at(-1)!.shippedAt!, id: rows.at(-1)!.id };
    }
    if (chunk) yield chunk;
    if (count < CSV_BATCH || !last) return;
    after = last;
  }
}

/** The CSV as a response body stream. */
export function weekCsvStream(
  kind: WeekCsvKind,
  monday: string,
  timeZone: string,
  now: Date,
): ReadableStream<Uint8Array> {
  const chunks = weekCsvChunks(kind, monday, timeZone, now);
  const encoder = new TextEncoder();
  return new ReadableStream({
    async pull(controller) {
      const next = await chunks.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
}

/** The whole CSV as one string (publishing keeps a frozen copy). */
export async function weekCsvText(kind: WeekCsvKind, monday: string, timeZone: string, now: Date): Promise<string> {
  let text = "";
  for await (const chunk of weekCsvChunks(kind, monday, timeZone, now)) text += chunk;
  return text;
}
