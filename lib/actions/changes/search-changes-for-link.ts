"use server";

import { linkSearchSchema } from "@/lib/schemas/link-search";
import { requireUser } from "@/lib/server/auth/require-user";
import { toAppError } from "@/lib/server/errors";
import { searchChangesForLink } from "@/lib/server/queries/changes/search-changes-for-link";
import { parseOrThrow } from "@/lib/server/validation";

export type ChangeOptionResult =
  | { ok: true; options: Array<{ value: string; label: string; description: string; disabled: boolean }> }
  | { ok: false; message: string };

/** The "link a change" combobox asks this while someone types. */
export async function searchChangesForLinkAction(query: string, incidentId?: number): Promise<ChangeOptionResult> {
  try {
    await requireUser("change:read");
    const input = parseOrThrow(linkSearchSchema, { query, incidentId });
    const rows = await searchChangesForLink(input);
    return {
      ok: true,
      options: rows.map((row) => ({
        value: String(row.id),
        label: `#${row.id} ${row.title}`,
        description: [
          row.serviceName,
          row.externalId,
          row.shippedAt ? `shipped ${row.shippedAt.toISOString().slice(0, 10)}` : "not shipped",
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
