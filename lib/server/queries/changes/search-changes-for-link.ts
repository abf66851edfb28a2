import "server-only";
import { containsPattern, LINK_SEARCH_LIMIT, LINK_SEARCH_WINDOW_DAYS, numberInQuery } from "@/lib/schemas/link-search";
import { getDb } from "@/lib/server/db";

export type ChangeLinkCandidate = {
  id: number;
  title: string;
  externalId: string | null;
  serviceName: string;
  shippedAt: Date | null;
  aiAssisted: boolean;
  linked: boolean;
};

/**
 * Changes to link to an incident: by number (#42, primary key), by external id (exact, indexed)
 * or by title among the changes registered or shipped in the last 180 days (indexed ranges,
 * then a bounded ILIKE). At most 10, exact matches first, then the most recently shipped.
 */
export async function searchChangesForLink(options: {
  query: string;
  incidentId?: number;
}): Promise<ChangeLinkCandidate[]> {
  const query = options.query.trim();
  if (!query) return [];
  const id = numberInQuery(query, /^#/) ?? 0;
  const since = new Date(Date.now() - LINK_SEARCH_WINDOW_DAYS * 86_400_000);
  const incidentId = options.incidentId ?? 0;
  return getDb().$queryRaw<ChangeLinkCandidate[]>`
    SELECT c.id, c.title, c."externalId", s.name AS "serviceName", c."shippedAt", c."aiAssisted",
           EXISTS (SELECT 1 FROM "IncidentChange" l WHERE l."changeId" = c.id AND l."incidentId" = ${incidentId}) AS linked
      FROM "Change" c JOIN "Service" s ON s.id = c."serviceId"
     WHERE c.id = ${id}
        OR c."externalId" = ${query}
        OR ((c."createdAt" >= ${since} OR c."shippedAt" >= ${since}) AND c.title ILIKE ${containsPattern(query)})
     ORDER BY (c.id = ${id}) DESC, (c."externalId" = ${query}) IS TRUE DESC, c."shippedAt" DESC NULLS FIRST, c.id DESC
     LIMIT ${LINK_SEARCH_LIMIT}`;
}
