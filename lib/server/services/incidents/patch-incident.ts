import "server-only";
import type { ChangeIncidentSeverityInput, UpdateIncidentStatusInput } from "@/lib/schemas/incident-updates";
import type { SessionUser } from "@/lib/server/auth/session-user";
import { getDb } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import { assertCan } from "@/lib/server/permissions";
import { changeIncidentSeverityInTx } from "./change-incident-severity";
import { importIncidentTimesInTx, type ImportedIncidentTimes } from "./import-incident-times";
import { STALE_INCIDENT_MESSAGE } from "./incident-version";
import { updateIncidentStatusInTx } from "./update-incident-status";

export type PatchIncidentInput = {
  incidentId: number;
  /** The version the caller read; a newer one is a STALE conflict. */
  version: number;
  status?: UpdateIncidentStatusInput["status"];
  note?: string;
  severity?: ChangeIncidentSeverityInput["severity"];
  reason?: string;
  /** Lifecycle times from another tool's history (the API checks the `import` scope); applied first. */
  times?: ImportedIncidentTimes;
};

/**
 * Status and/or severity in ONE transaction (the API's PATCH): either every part is saved
 * or none is, so a 409 or 422 always means "nothing changed". Imported times go first, then status, then
 * severity, each with its own timeline event and audit row, as the form actions write them.
 */
export async function patchIncident(options: { actor: SessionUser; input: PatchIncidentInput }): Promise<void> {
  const { actor, input } = options;
  assertCan(actor, "incident:update");
  await getDb().$transaction(async (tx) => {
    const current = await tx.incident.findUnique({ where: { id: input.incidentId }, select: { version: true } });
    if (!current) throw new AppError("NOT_FOUND", "This incident does not exist (any more).");
    if (current.version !== input.version) {
      throw new AppError(
        "STALE",
        `${STALE_INCIDENT_MESSAGE.split(".")[0]}: you sent version ${input.version}, it is at ${current.version}. GET it again and retry.`,
      );
    }
    let at = input.version;
    if (input.times) {
      await importIncidentTimesInTx(tx, actor, { incidentId: input.incidentId, version: at, ...input.times });
      at += 1;
    }
    if (input.status) {
      const status = { incidentId: input.incidentId, version: at, status: input.status, note: input.note ?? "" };
      await updateIncidentStatusInTx(tx, actor, status);
      at += 1;
    }
    if (input.severity) {
      const severity = { incidentId: input.incidentId, version: at, severity: input.severity, reason: input.reason! };
      await changeIncidentSeverityInTx(tx, actor, severity);
    }
  });
}
