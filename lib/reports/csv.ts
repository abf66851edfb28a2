// The one way Faultline writes CSV (weekly incidents/changes, audit log): csv-stringify
// with formula injection neutralised (OWASP "CSV Injection"): a text cell that starts
// with =, +, -, @, tab or carriage return (or their full-width forms) is prefixed with
// a single quote, so a spreadsheet shows it as text instead of running it. Numbers are
// written as numbers, so a negative value in a numeric column stays numeric. Booleans
// are "true"/"false" (csv-stringify's default is "1"/"").
import { stringify } from "csv-stringify/sync";

export type CsvCell = string | number | boolean | null | undefined;

export function toCsv(columns: readonly string[], rows: CsvCell[][], header = true): string {
  return stringify(rows, {
    header,
    columns: [...columns],
    escape_formulas: true,
    cast: { boolean: (value: boolean) => (value ? "true" : "false") },
  });
}

/** Rows without the header line, for a CSV written batch by batch after `toCsv(columns, [])`. */
export const toCsvRows = (columns: readonly string[], rows: CsvCell[][]) =>
  rows.length ? toCsv(columns, rows, false) : "";

/** An instant as ISO 8601 in UTC, or an empty cell. */
export const csvInstant = (date: Date | null) => (date ? date.toISOString() : "");
