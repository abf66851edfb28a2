import Link from "next/link";
import { cn } from "@/components/ui/cn";
import { inputClasses } from "@/components/ui/field";
import { FilterSelect } from "@/components/ui/filter-select";
import { addDays } from "@/lib/domain/weeks";
import type { DashboardFilters } from "@/lib/schemas/dashboard-filters";
import { AutoSubmitForm } from "./auto-submit-form";

type Option = { id: number; name: string };

/** Range presets and a GET form that applies on change: the filters live in the URL. */
export function DashboardFiltersForm({
  filters,
  presets,
  teams,
  services,
}: {
  filters: DashboardFilters;
  presets: Array<{ label: string; href: string; active: boolean }>;
  teams: Option[];
  services: Option[];
}) {
  return (
    <div className="flex flex-wrap items-end gap-3 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200">
      <nav aria-label="Range presets" className="flex gap-1">
        {presets.map((p) => (
          <Link
            key={p.label}
            href={p.href}
            aria-current={p.active ? "true" : undefined}
            className={cn(
              "rounded-md px-2.5 py-1.5 text-sm",
              p.active ? "bg-indigo-600 text-white" : "text-slate-600 hover:bg-slate-100",
            )}
          >
            {p.label}
          </Link>
        ))}
      </nav>
      <AutoSubmitForm
        // Uncontrolled fields keep their first value across client navigations (a preset link):
        // a new key per filter set remounts them with the URL's values.
        key={`${filters.range.from}|${filters.range.to}|${filters.teamIds.join(",")}|${filters.serviceIds.join(",")}`}
        method="get"
        action="/dashboard"
        aria-label="Dashboard filters"
        className="flex flex-wrap items-end gap-3"
      >
        <label className="text-xs font-medium text-slate-600">
          From
          <input type="date" name="from" defaultValue={filters.range.from} className={`${inputClasses} mt-1`} />
        </label>
        <label className="text-xs font-medium text-slate-600">
          To
          <input
            type="date"
            name="to"
            defaultValue={addDays(filters.range.to, -1)}
            className={`${inputClasses} mt-1`}
          />
        </label>
        <FilterSelect label="Team" name="team" options={teams} value={filters.teamIds[0]} allLabel="All teams" />
        <FilterSelect
          label="Service"
          name="service"
          options={services}
          value={filters.serviceIds[0]}
          allLabel="All services"
          className="w-48"
        />
      </AutoSubmitForm>
    </div>
  );
}
