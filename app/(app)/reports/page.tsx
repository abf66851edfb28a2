import { redirect } from "next/navigation";
import { addDays, mondayToIsoWeek, weekOf } from "@/lib/domain/weeks";
import { requirePageUser } from "@/lib/server/auth/require-user";
import { getOrgSettings } from "@/lib/server/queries/settings/get-org-settings";

/** The weekly report defaults to the last full week. */
export default async function ReportsPage() {
  await requirePageUser("/reports");
  const { timeZone } = await getOrgSettings();
  redirect(`/reports/weekly/${mondayToIsoWeek(addDays(weekOf(new Date(), timeZone), -7))}`);
}
