import "server-only";
import { containsPattern, LINK_SEARCH_LIMIT, LINK_SEARCH_WINDOW_DAYS, numberInQuery } from "@/lib/schemas/link-search";
import type { IncidentStatus, Severity } from "@/lib/domain/severity";
import { getDb } from "@/lib/server/db";

export type IncidentLinkCandidate = {
  id: number;
  title: string;
  severity: Severity;
  status: IncidentStatus;
  impactStartedAt: Date;
};

/**
 * Incidents a change can be linked to: by number (INC-42, primary key) or by title among the
 * incidents whose impact started in the last 180 days (impactStartedAt index, bounded ILIKE).
 */
export async function searchIncidentsForLink(options: { query: string }): Promise<IncidentLinkCandidate[]> {
  const query = options.query.trim();
  if (!query) return [];
  const id = numberInQuery(query) ?? 0;
  const since = new Date(Date.now() - LINK_SEARCH_WINDOW_DAYS * 86_400_000);
  return getDb().$queryRaw<IncidentLinkCandidate[]>`
    SELECT i.id, i.title, i.severity::text AS severity, i.status::text AS status, i."impactStartedAt"
      FROM "Incident" i
     WHERE i.id = ${id} OR (i."impactStartedAt" >= ${since} AND i.title ILIKE ${containsPattern(query)})
     ORDER BY (i.id = ${id}) DESC, i."impactStartedAt" DESC, i.id DESC
     LIMIT ${LINK_SEARCH_LIMIT}`;
}
