import type { Metadata } from "next";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { DataTable } from "@/components/ui/table";
import { formatDateTime } from "@/lib/domain/format";
import { addDays, formatWeekLabel, isoWeekToMonday, mondayToIsoWeek, weekOf } from "@/lib/domain/weeks";
import { requirePageUser } from "@/lib/server/auth/require-user";
import { listPublications } from "@/lib/server/queries/reports/list-publications";
import { getOrgSettings } from "@/lib/server/queries/settings/get-org-settings";

export const metadata: Metadata = { title: "Weekly reports" };

/** Weeks listed whether published or not: this one (so far) and the 11 before it. */
const RECENT_WEEKS = 12;

export default async function ReportsPage() {
  await requirePageUser("/reports");
  const { timeZone } = await getOrgSettings();
  const thisMonday = weekOf(new Date(), timeZone);
  const lastWeek = mondayToIsoWeek(addDays(thisMonday, -7));
  const publications = await listPublications();
  // The newest publication of each week (the list is newest first).
  const latest = new Map<string, (typeof publications)[number]>();
  for (const p of publications) if (!latest.has(p.week)) latest.set(p.week, p);
  const recent = Array.from({ length: RECENT_WEEKS }, (_, i) => mondayToIsoWeek(addDays(thisMonday, -7 * i)));
  const older = [...latest.keys()].filter((week) => week < recent.at(-1)!);
  const weeks = [...recent, ...older];

  return (
    <div className="space-y-5">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Weekly reports</h1>
          <p className="mt-1 text-sm text-slate-600">
            The TWiST review, week by week. Published reports are frozen as they were shown in the meeting; a week can
            be published once it has ended.
          </p>
        </div>
        <ButtonLink href={`/reports/weekly/${lastWeek}`}>Last week&apos;s report</ButtonLink>
      </div>
      <DataTable columns={["Week", "Status", "Published", "By"]} stackOnPhone>
        {weeks.map((week, index) => {
          const publication = latest.get(week);
          const monday = isoWeekToMonday(week) ?? "2000-01-03";
          return (
            <tr key={week}>
              <td className="px-4 py-3">
                <Link href={`/reports/weekly/${week}`} className="font-medium hover:text-indigo-600">
                  {week} · week of {formatWeekLabel(monday)} {monday.slice(0, 4)}
                </Link>
              </td>
              <td className="px-4 py-3">
                {publication ? (
                  <Badge tone="green">Published</Badge>
                ) : index === 0 ? (
                  <Badge tone="amber">In progress</Badge>
                ) : (
                  <Badge tone="slate">Not published</Badge>
                )}
              </td>
              {/* On a phone, rows stack: an unpublished week shows no empty "—" lines. */}
              <td className={cn("px-4 py-3 text-slate-600", !publication && "max-sm:hidden")}>
                {publication ? formatDateTime(publication.publishedAt, timeZone) : "—"}
              </td>
              <td className={cn("px-4 py-3 text-slate-600", !publication && "max-sm:hidden")}>
                {publication?.publishedBy ?? "—"}
              </td>
            </tr>
          );
        })}
      </DataTable>
    </div>
  );
}
