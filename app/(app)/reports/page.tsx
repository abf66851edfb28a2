import type { Metadata } from "next";
import Link from "next/link";
import { ButtonLink } from "@/components/ui/button";
import { DataTable, EmptyState } from "@/components/ui/table";
import { formatDateTime } from "@/lib/domain/format";
import { addDays, formatWeekLabel, isoWeekToMonday, mondayToIsoWeek, weekOf } from "@/lib/domain/weeks";
import { requirePageUser } from "@/lib/server/auth/require-user";
import { listPublications } from "@/lib/server/queries/reports/list-publications";
import { getOrgSettings } from "@/lib/server/queries/settings/get-org-settings";

export const metadata: Metadata = { title: "Weekly reports" };

export default async function ReportsPage() {
  await requirePageUser("/reports");
  const { timeZone } = await getOrgSettings();
  const lastWeek = mondayToIsoWeek(addDays(weekOf(new Date(), timeZone), -7));
  const publications = await listPublications();
  return (
    <div className="space-y-5">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Weekly reports</h1>
          <p className="mt-1 text-sm text-slate-600">
            The TWiST review, week by week. Published reports are frozen as they were shown in the meeting.
          </p>
        </div>
        <ButtonLink href={`/reports/weekly/${lastWeek}`}>Last week&apos;s report</ButtonLink>
      </div>
      {publications.length === 0 ? (
        <EmptyState>No report has been published yet.</EmptyState>
      ) : (
        <DataTable columns={["Week", "Published", "By"]}>
          {publications.map((p) => (
            <tr key={p.id}>
              <td className="px-4 py-3">
                <Link href={`/reports/weekly/${p.week}`} className="font-medium hover:text-indigo-600">
                  {p.week} · week of {formatWeekLabel(isoWeekToMonday(p.week) ?? "2000-01-03")}
                </Link>
              </td>
              <td className="px-4 py-3 text-slate-600">{formatDateTime(p.publishedAt, timeZone)}</td>
              <td className="px-4 py-3 text-slate-600">{p.publishedBy}</td>
            </tr>
          ))}
        </DataTable>
      )}
    </div>
  );
}
