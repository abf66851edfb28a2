import "server-only";
import { CHANGE_KINDS } from "@/lib/domain/change";
import type { ChangeRow, IncidentRow } from "@/lib/domain/csv-import/formats";
import { actorUserId, auditActorOf, integrationActor, isSystemActor, type Actor } from "@/lib/server/auth/actor";
import { getDb } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import { assertCan } from "@/lib/server/permissions";
import { writeAudit } from "@/lib/server/services/audit/write-audit";
import { ingestChanges } from "@/lib/server/services/changes/ingest-changes";
import { importIncidentInTx } from "@/lib/server/services/incidents/import-incident";
import { normaliseName } from "@/lib/server/api/resolve-references";
import { planCsvImport, type CsvImportPlan } from "./plan-csv-import";

export type CsvImportResult = { label: string; created: number; updated: number; unchanged: number };

/** The preview: the plan, nothing written. Admins only, like the import. */
export async function previewCsvImport(options: { actor: Actor; text: string }): Promise<CsvImportPlan> {
  assertCan(options.actor, "settings:manage");
  return withChangeKindCheck(await planCsvImport(getDb(), options.text));
}

/**
 * Imports a whole file or nothing: any row with a problem refuses the file; incidents go in
 * one transaction; changes in one ingestion (one transaction). Rows already imported with
 * the same values are left alone, so importing the same file again changes nothing.
 */
export async function importCsv(options: { actor: Actor; text: string }): Promise<CsvImportResult> {
  assertCan(options.actor, "settings:manage");
  const { actor } = options;
  const result = await getDb().$transaction(
    async (tx) => {
      const plan = withChangeKindCheck(await planCsvImport(tx, options.text));
      if (plan.invalid > 0)
        throw new AppError(
          "VALIDATION",
          `${plan.invalid} row(s) have problems, so nothing was imported. Fix them (see the preview) and try again.`,
          { fieldErrors: { csv: [`${plan.invalid} row(s) with problems.`] } },
        );
      const counts = { label: plan.label, created: 0, updated: 0, unchanged: 0 };
      if (plan.format === "faultline-changes") return { plan, counts };
      for (const { mapped, serviceIds } of plan.rows) {
        const row = mapped.row as IncidentRow;
        const { outcome } = await importIncidentInTx(tx, actor, { ...row, serviceIds });
        counts[outcome] += 1;
      }
      await auditFile(tx, actor, counts);
      return { plan, counts };
    },
    { timeout: 300_000 },
  );
  if (result.plan.format !== "faultline-changes") return result.counts;

  const tools = await getDb().aiTool.findMany({ select: { id: true, name: true, slug: true } });
  const toolId = (name: string | null) =>
    name
      ? (tools.find((t) => [t.name, t.slug].some((n) => normaliseName(n) === normaliseName(name)))?.id ?? null)
      : null;
  const outcomes = await ingestChanges(
    isSystemActor(actor) ? actor : integrationActor("CSV import", actorUserId(actor)),
    result.plan.rows.map(({ mapped, serviceIds }) => {
      const row = mapped.row as ChangeRow;
      return {
        source: row.source,
        externalId: row.externalId,
        kind: row.changeKind as (typeof CHANGE_KINDS)[number],
        title: row.title,
        serviceId: serviceIds[0],
        repository: row.repository,
        aiAssisted: row.aiAssisted,
        aiToolId: toolId(row.aiTool),
        shippedAt: row.shippedAt,
        rolledBackAt: row.rolledBackAt,
      };
    }),
  );
  const counts = { ...result.counts };
  for (const { outcome } of outcomes) counts[outcome] += 1;
  if (counts.created + counts.updated > 0) await auditFile(getDb(), actor, counts);
  return counts;
}

function withChangeKindCheck(plan: CsvImportPlan): CsvImportPlan {
  if (plan.format !== "faultline-changes") return plan;
  for (const planned of plan.rows) {
    const row = planned.mapped.row as ChangeRow | null;
    if (row && !(CHANGE_KINDS as readonly string[]).includes(row.changeKind))
      planned.mapped = { row: null, errors: [`kind "${row.changeKind}" is not one of ${CHANGE_KINDS.join(", ")}.`] };
  }
  return { ...plan, invalid: plan.rows.filter((r) => r.mapped.errors.length).length };
}

async function auditFile(tx: Parameters<typeof writeAudit>[0], actor: Actor, counts: CsvImportResult) {
  if (counts.created + counts.updated === 0) return;
  await writeAudit(tx, {
    ...auditActorOf(actor),
    action: "import.csv",
    entityType: "Organisation",
    entityId: 1,
    after: counts,
  });
}
