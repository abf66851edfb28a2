import "server-only";
import { getDb } from "@/lib/server/db";
import { getChangeOutcomes, getIncidentOutcomes } from "@/lib/server/queries/outcomes/get-outcomes";

/** An incident with whether it is AI-linked and whether a linked change shipped without approval (SQL definitions). */
export async function getIncident(id: number) {
  const [incident, outcomes] = await Promise.all([findIncident(id), getIncidentOutcomes([id])]);
  if (!incident) return null;
  const linked = await getChangeOutcomes(incident.changes.map((link) => link.change.id));
  return {
    ...incident,
    aiLinked: outcomes.get(id)?.aiLinked ?? false,
    policyViolation: incident.changes.some((link) => linked.get(link.change.id)?.compliance === "VIOLATION"),
  };
}

function findIncident(id: number) {
  return getDb().incident.findUnique({
    where: { id },
    select: {
      id: true,
      title: true,
      summary: true,
      severity: true,
      status: true,
      blastRadiusLevel: true,
      impactStartedAt: true,
      detectedAt: true,
      mitigatedAt: true,
      resolvedAt: true,
      customerImpactPct: true,
      failedTransactions: true,
      version: true,
      reviewStatus: true,
      reviewWhatHappened: true,
      reviewCustomerImpact: true,
      reviewRootCause: true,
      reviewFiveWhys: true,
      reviewLessons: true,
      reviewCompletedAt: true,
      commander: { select: { id: true, name: true } },
      declaredBy: { select: { id: true, name: true } },
      services: { select: { service: { select: { id: true, name: true, team: { select: { name: true } } } } } },
      regions: { select: { region: { select: { id: true, code: true } } } },
      capabilities: { select: { capability: { select: { id: true, name: true } } } },
      contributingFactors: { select: { factor: { select: { id: true, name: true } } } },
      actionItems: {
        orderBy: [{ completedAt: { sort: "asc", nulls: "first" } }, { dueDate: "asc" }],
        select: {
          id: true,
          title: true,
          dueDate: true,
          completedAt: true,
          owner: { select: { id: true, name: true } },
        },
      },
      changes: {
        orderBy: { createdAt: "asc" },
        select: {
          role: true,
          change: {
            select: {
              id: true,
              title: true,
              kind: true,
              shippedAt: true,
              rolledBackAt: true,
              repository: true,
              aiAssisted: true,
              aiInvolvement: true,
              aiTool: { select: { name: true } },
              authorLevel: true,
              author: { select: { name: true } },
              approvalRequired: true,
              approvalState: true,
              approvalDecidedAt: true,
              service: { select: { name: true } },
            },
          },
        },
      },
      timeline: {
        orderBy: [{ occurredAt: "asc" }, { id: "asc" }],
        select: { id: true, kind: true, occurredAt: true, body: true, author: { select: { name: true } } },
      },
    },
  });
}
export type IncidentDetail = NonNullable<Awaited<ReturnType<typeof getIncident>>>;
