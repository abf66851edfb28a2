import "server-only";
import { getDb } from "@/lib/server/db";

/** The policy in force (the newest version) and who set it. */
export async function getApprovalPolicy() {
  return getDb().approvalPolicy.findFirstOrThrow({
    orderBy: { id: "desc" },
    select: {
      id: true,
      levelsRequiring: true,
      approverLevels: true,
      allowSelfApproval: true,
      exemptInvolvements: true,
      dismissStaleApprovals: true,
      aiShareThreshold: true,
      createdAt: true,
      createdBy: { select: { name: true } },
    },
  });
}
