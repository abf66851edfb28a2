import "server-only";
import { getDb } from "@/lib/server/db";
import type { AiInvolvement, ApprovalState, ChangeKind, Level } from "@/lib/generated/prisma/enums";

export type SuspectChange = {
  id: number;
  title: string;
  kind: ChangeKind;
  serviceName: string;
  onAffectedService: boolean;
  shippedAt: Date;
  aiAssisted: boolean;
  aiToolName: string | null;
  aiInvolvement: AiInvolvement | null;
  authorName: string | null;
  authorLevel: Level | null;
  approvalRequired: boolean;
  approvalState: ApprovalState;
  approvalDecidedAt: Date | null;
};

export const SUSPECT_WINDOWS_HOURS = [6, 24, 72, 168] as const;

/**
 * Changes that shipped in the `windowHours` before impact started and are not linked yet:
 * those on the incident's affected services first, then newest first.
 */
export async function listSuspectChanges(options: {
  incidentId: number;
  windowHours: number;
  limit?: number;
}): Promise<SuspectChange[]> {
  const limit = options.limit ?? 12;
  return getDb().$queryRaw<SuspectChange[]>`
    WITH incident AS (
      SELECT i."impactStartedAt" AS started, array_agg(s."serviceId") AS services
      FROM "Incident" i LEFT JOIN "IncidentService" s ON s."incidentId" = i.id
      WHERE i.id = ${options.incidentId}
      GROUP BY i.id
    )
    SELECT c.id, c.title, c.kind, sv.name AS "serviceName",
           (c."serviceId" = ANY(incident.services)) AS "onAffectedService",
           c."shippedAt", c."aiAssisted", t.name AS "aiToolName", c."aiInvolvement",
           u.name AS "authorName", c."authorLevel", c."approvalRequired", c."approvalState", c."approvalDecidedAt"
    FROM incident
    JOIN "Change" c ON c."shippedAt" <= incident.started
                   AND c."shippedAt" > incident.started - make_interval(hours => ${options.windowHours})
    JOIN "Service" sv ON sv.id = c."serviceId"
    LEFT JOIN "AiTool" t ON t.id = c."aiToolId"
    LEFT JOIN "User" u ON u.id = c."authorId"
    WHERE NOT EXISTS (SELECT 1 FROM "IncidentChange" l WHERE l."incidentId" = ${options.incidentId} AND l."changeId" = c.id)
    ORDER BY (c."serviceId" = ANY(incident.services)) DESC, c."shippedAt" DESC, c.id DESC
    LIMIT ${limit}`;
}
