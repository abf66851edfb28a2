"use server";

import { formatDateTime } from "@/lib/domain/format";
import { SEVERITY_INFO, STATUS_LABELS } from "@/lib/domain/severity";
import { linkSearchSchema } from "@/lib/schemas/link-search";
import { requireUser } from "@/lib/server/auth/require-user";
import { toAppError } from "@/lib/server/errors";
import { searchIncidentsForLink } from "@/lib/server/queries/incidents/search-incidents-for-link";
import { getOrgSettings } from "@/lib/server/queries/settings/get-org-settings";
import { parseOrThrow } from "@/lib/server/validation";

export type IncidentOptionResult =
  { ok: true; options: Array<{ value: string; label: string; description: string }> } | { ok: false; message: string };

/** The "link to incident" combobox on a change asks this while someone types. */
export async function searchIncidentsForLinkAction(query: string): Promise<IncidentOptionResult> {
  try {
    await requireUser("incident:read");
    const input = parseOrThrow(linkSearchSchema, { query });
    const [rows, { timeZone }] = await Promise.all([searchIncidentsForLink(input), getOrgSettings()]);
    return {
      ok: true,
      options: rows.map((row) => ({
        value: String(row.id),
        label: `INC-${row.id} ${row.title}`,
        description: `${SEVERITY_INFO[row.severity].label} · ${STATUS_LABELS[row.status]} · impact ${formatDateTime(row.impactStartedAt, timeZone)}`,
      })),
    };
  } catch (error) {
    return { ok: false, message: toAppError(error)?.message ?? "The search failed. Try again in a moment." };
  }
}
