import "server-only";
import { approvalComplianceByWeek } from "@/lib/server/queries/metrics/approval-compliance-by-week";

/** The last 8 weeks (this one included) of approval compliance, for the approvals page. */
export async function getComplianceSummary(timeZone: string) {
  const to = new Date();
  const from = new Date(to.getTime() - 7 * 7 * 86_400_000);
  return approvalComplianceByWeek({ from, to, timeZone });
}
