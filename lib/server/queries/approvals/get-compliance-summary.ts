import "server-only";
import { addDays, weekOf } from "@/lib/domain/weeks";
import { approvalComplianceByWeek } from "@/lib/server/queries/metrics/approval-compliance-by-week";

/** The last 8 weeks (this one included) of approval compliance, for the approvals page. */
export async function getComplianceSummary(timeZone: string) {
  const thisWeek = weekOf(new Date(), timeZone);
  return approvalComplianceByWeek({
    from: addDays(thisWeek, -49),
    to: addDays(thisWeek, 7),
    timeZone,
    serviceIds: [],
    teamIds: [],
  });
}
