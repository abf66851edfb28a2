import { z } from "zod";
import { recordId } from "./ids";

/** What the link comboboxes send while someone types: a bounded query, never a list dump. */
export const linkSearchSchema = z.object({
  query: z.string().trim().max(200, "Search with fewer than 200 characters.").default(""),
  /** The incident a change would be linked to (marks changes already linked to it). */
  incidentId: recordId().optional(),
});
export type LinkSearchInput = z.infer<typeof linkSearchSchema>;

/** "#42", "42", "INC-42" or "inc 42" → 42; anything else → null. */
export function numberInQuery(query: string, prefix: RegExp = /^(#|inc[-\s]?)?/i): number | null {
  const match = /^(\d{1,9})$/.exec(query.trim().replace(prefix, ""));
  return match ? Number(match[1]) : null;
}

/** A LIKE pattern matching `text` anywhere, with the user's own % and _ taken literally. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Title search looks this far back; ids and external ids are found at any age. */
export const LINK_SEARCH_WINDOW_DAYS = 180;
export const LINK_SEARCH_LIMIT = 10;
