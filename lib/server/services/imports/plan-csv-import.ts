import "server-only";
import { parse } from "csv-parse/sync";
import { detectFormat, FORMAT_LABELS, mapRow, type CsvFormat, type MappedRow } from "@/lib/domain/csv-import/formats";
import { lifecycleOrderErrors } from "@/lib/domain/imported-lifecycle";
import type { Prisma } from "@/lib/generated/prisma/client";
import { normaliseName } from "@/lib/server/api/resolve-references";
import type { Db } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";

export const MAX_IMPORT_ROWS = 5_000;

export type PlannedRow = { line: number; mapped: MappedRow; serviceIds: number[] };
export type CsvImportPlan = { format: CsvFormat; label: string; rows: PlannedRow[]; invalid: number };

/**
 * Reads a history file without writing anything: which format it is, every row mapped, with
 * its problems (unreadable values, unknown services, times out of order). The preview shows
 * it; the import writes only a plan without a single problem.
 */
export async function planCsvImport(tx: Prisma.TransactionClient | Db, text: string): Promise<CsvImportPlan> {
  let records: Record<string, string>[];
  try {
    records = parse(text.replace(/^\uFEFF/, ""), { columns: true, skip_empty_lines: true, trim: true });
  } catch (error) {
    const where = (error as { lines?: number }).lines;
    throw new AppError("VALIDATION", `This file is not readable CSV${where ? ` (line ${where})` : ""}.`, {
      fieldErrors: { csv: ["Export it again as CSV, with a header row."] },
    });
  }
  if (records.length === 0)
    throw new AppError("VALIDATION", "The file has no rows under its header.", { fieldErrors: { csv: ["Empty."] } });
  if (records.length > MAX_IMPORT_ROWS)
    throw new AppError("VALIDATION", `At most ${MAX_IMPORT_ROWS.toLocaleString("en")} rows per file; split it.`, {
      fieldErrors: { csv: ["Too many rows."] },
    });
  const format = detectFormat(Object.keys(records[0]));
  if (!format)
    throw new AppError(
      "VALIDATION",
      "Faultline does not recognise these columns. Use a PagerDuty incident export, or Faultline's incidents.csv or changes.csv.",
      { fieldErrors: { csv: ["Unknown column layout."] } },
    );

  const services = await tx.service.findMany({
    where: { archivedAt: null },
    select: { id: true, name: true, slug: true },
  });
  const byName = new Map<string, number>();
  for (const service of services) {
    byName.set(normaliseName(service.name), service.id);
    byName.set(normaliseName(service.slug), service.id);
  }
  const rows = records.map((record, index): PlannedRow => {
    const mapped = mapRow(format, record);
    if (!mapped.row) return { line: index + 2, mapped, serviceIds: [] };
    const names = mapped.row.kind === "incident" ? mapped.row.services : [mapped.row.service];
    const errors: string[] = [];
    const serviceIds = names.flatMap((name) => {
      const id = byName.get(normaliseName(name));
      if (id === undefined) errors.push(`Unknown service "${name}": create it under Admin → Teams first.`);
      return id === undefined ? [] : [id];
    });
    if (mapped.row.kind === "incident")
      for (const [field, messages] of Object.entries(lifecycleOrderErrors(mapped.row)))
        errors.push(...messages.map((message) => `${field}: ${message}`));
    return errors.length
      ? { line: index + 2, mapped: { row: null, errors }, serviceIds }
      : { line: index + 2, mapped, serviceIds };
  });
  return { format, label: FORMAT_LABELS[format], rows, invalid: rows.filter((r) => r.mapped.errors.length).length };
}
