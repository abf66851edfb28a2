import "server-only";
import { getDb } from "@/lib/server/db";
import { getChangeOutcomes } from "@/lib/server/queries/outcomes/get-outcomes";

/** A change with whether it failed and its approval compliance, as the SQL definitions say. */
export async function getChange(id: number) {
  const [change, outcomes] = await Promise.all([findChange(id), getChangeOutcomes([id])]);
  const outcome = outcomes.get(id);
  return change && { ...change, failed: outcome?.failed ?? false, compliance: outcome?.compliance ?? "NOT_REQUIRED" };
}

function findChange(id: number) {
  return getDb().change.findUnique({
    where: { id },
    select: {
      id: true,
      source: true,
      externalId: true,
      externalUrl: true,
      kind: true,
      title: true,
      description: true,
      repository: true,
      authorLevel: true,
      aiAssisted: true,
      aiInvolvement: true,
      aiDetectedBy: true,
      shippedAt: true,
      rolledBackAt: true,
      approvalRequired: true,
      approvalState: true,
      approvalDecidedAt: true,
      approvalComment: true,
      createdAt: true,
      service: { select: { id: true, name: true, team: { select: { name: true } } } },
      author: { select: { id: true, name: true, level: true } },
      registeredBy: { select: { id: true, name: true } },
      headSha: true,
      pullRequestNumber: true,
      abandonedAt: true,
      version: true,
      approver: { select: { name: true } },
      aiTool: { select: { id: true, name: true } },
      policyId: true,
      policy: {
        select: { levelsRequiring: true, approverLevels: true, allowSelfApproval: true, exemptInvolvements: true },
      },
      incidents: {
        orderBy: { createdAt: "asc" },
        select: {
          role: true,
          incident: {
            select: {
              id: true,
              title: true,
              severity: true,
              status: true,
              impactStartedAt: true,
              blastRadiusLevel: true,
            },
          },
        },
      },
      decisions: {
        orderBy: { createdAt: "asc" },
        select: { id: true, decision: true, comment: true, createdAt: true, actor: { select: { name: true } } },
      },
    },
  });
}
export type ChangeDetail = NonNullable<Awaited<ReturnType<typeof getChange>>>;
