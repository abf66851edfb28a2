"use server";

import { formatDateTime } from "@/lib/domain/format";
import { linkSearchSchema } from "@/lib/schemas/link-search";
import { requireUser } from "@/lib/server/auth/require-user";
import { toAppError } from "@/lib/server/errors";
import { searchChangesForLink } from "@/lib/server/queries/changes/search-changes-for-link";
import { getOrgSettings } from "@/lib/server/queries/settings/get-org-settings";
import { parseOrThrow } from "@/lib/server/validation";

export type ChangeOptionResult =
  | { ok: true; options: Array<{ value: string; label: string; description: string; disabled: boolean }> }
  | { ok: false; message: string };

/** The "link a change" combobox asks this while someone types. */
export async function searchChangesForLinkAction(query: string, incidentId?: number): Promise<ChangeOptionResult> {
  try {
    await requireUser("change:read");
    const input = parseOrThrow(linkSearchSchema, { query, incidentId });
    const [rows, { timeZone }] = await Promise.all([searchChangesForLink(input), getOrgSettings()]);
    return {
      ok: true,
      options: rows.map((row) => ({
        value: String(row.id),
        label: `#${row.id} ${row.title}`,
        description: [
          row.serviceName,
          row.externalId,
          row.shippedAt ? `shipped ${formatDateTime(row.shippedAt, timeZone)}` : "not shipped",
          row.aiAssisted ? "AI-assisted" : null,
          row.linked ? "already linked" : null,
        ]
          .filter(Boolean)
          .join(" · "),
        disabled: row.linked,
      })),
    };
  } catch (error) {
    return { ok: false, message: toAppError(error)?.message ?? "The search failed. Try again in a moment." };
  }
}
