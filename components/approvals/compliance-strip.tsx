import Link from "next/link";
import { formatDay } from "@/lib/domain/format";
import { describeNotShipped, type NotShippedCounts } from "@/lib/domain/approval-wording";
import type { ComplianceWeek } from "@/lib/server/queries/metrics/approval-compliance-by-week";

/** Week by week: changes that needed approval and shipped, and how many of them broke the policy. */
export function ComplianceStrip({ weeks, notShipped }: { weeks: ComplianceWeek[]; notShipped: NotShippedCounts }) {
  return (
    <section
      aria-label="Approval compliance by week"
      className="rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200"
    >
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 className="text-sm font-semibold">Approval compliance, week by week</h2>
        <p className="text-xs text-slate-500">
          Approved in time / shipped needing approval; violations shipped without approval.{" "}
          {describeNotShipped(notShipped)}{" "}
          <Link href="/changes?violation=1" className="text-indigo-600 underline">
            All violations
          </Link>
        </p>
      </div>
      <ol className="mt-3 grid grid-cols-4 gap-2 sm:grid-cols-8">
        {weeks.map((week) => {
          const from = week.weekStart;
          const to = new Date(new Date(`${from}T00:00:00Z`).getTime() + 6 * 86_400_000).toISOString().slice(0, 10);
          return (
            <li key={from} className="rounded-md bg-slate-50 px-2 py-2 text-center">
              <div className="text-[11px] text-slate-600">wk of {formatDay(from, { short: true })}</div>
              <div className="mt-1 text-sm font-semibold tabular-nums">
                {week.compliant}/{week.required}
              </div>
              <Link
                href={`/changes?violation=1&from=${from}&to=${to}`}
                className={`text-xs tabular-nums ${week.violations ? "font-medium text-red-700 underline" : "text-slate-600"}`}
              >
                {week.violations} violation{week.violations === 1 ? "" : "s"}
              </Link>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
