import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";
import { inputClasses } from "@/components/ui/field";
import { FilterSelect } from "@/components/ui/filter-select";
import { INCIDENT_STATUSES, SEVERITIES, SEVERITY_INFO, STATUS_LABELS } from "@/lib/domain/severity";
import type { IncidentFilters } from "@/lib/schemas/incident-filters";

type Option = { id: number; name: string };

const chip =
  "flex cursor-pointer items-center gap-1.5 rounded-md bg-white px-2.5 py-1.5 text-sm ring-1 ring-inset ring-slate-300 " +
  "has-[:checked]:bg-indigo-50 has-[:checked]:text-indigo-800 has-[:checked]:ring-indigo-500";

/** A plain GET form: the filters become the URL, so they are shareable and the back button works. */
export function IncidentFilterBar({
  filters,
  teams,
  services,
}: {
  filters: IncidentFilters;
  teams: Option[];
  services: Option[];
}) {
  return (
    <form
      method="get"
      action="/incidents"
      role="search"
      aria-label="Filter incidents"
      className="space-y-3 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200"
    >
      <div className="flex flex-wrap items-end gap-3">
        <label className="min-w-56 flex-1 text-xs font-medium text-slate-600">
          Search
          <input
            type="search"
            name="q"
            defaultValue={filters.q}
            placeholder="Title or summary"
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
        <label className="text-xs font-medium text-slate-600">
          Impact from
          <input type="date" name="from" defaultValue={filters.from} className={`${inputClasses} mt-1`} />
        </label>
        <label className="text-xs font-medium text-slate-600">
          to
          <input type="date" name="to" defaultValue={filters.to} className={`${inputClasses} mt-1`} />
        </label>
      </div>
      <div className="flex flex-wrap items-center gap-2">
        <fieldset className="flex flex-wrap items-center gap-1.5">
          <legend className="sr-only">Severity</legend>
          {SEVERITIES.map((s) => (
            <label key={s} className={chip}>
              <input
                type="checkbox"
                name="severity"
                value={s}
                defaultChecked={filters.severity.includes(s)}
                className="accent-indigo-600"
              />
              {SEVERITY_INFO[s].label}
            </label>
          ))}
        </fieldset>
        <span aria-hidden className="mx-1 h-6 w-px bg-slate-200" />
        <fieldset className="flex flex-wrap items-center gap-1.5">
          <legend className="sr-only">Status</legend>
          {INCIDENT_STATUSES.map((s) => (
            <label key={s} className={chip}>
              <input
                type="checkbox"
                name="status"
                value={s}
                defaultChecked={filters.status.includes(s)}
                className="accent-indigo-600"
              />
              {STATUS_LABELS[s]}
            </label>
          ))}
        </fieldset>
        <span aria-hidden className="mx-1 h-6 w-px bg-slate-200" />
        <label className={chip}>
          <input type="checkbox" name="ai" value="1" defaultChecked={filters.aiLinked} className="accent-indigo-600" />
          Linked to an AI-assisted change
        </label>
        <label className={chip}>
          <input
            type="checkbox"
            name="blast"
            value="1"
            defaultChecked={filters.highBlast}
            className="accent-indigo-600"
          />
          High blast radius or worse
        </label>
        <div className="ml-auto flex gap-2">
          <Link href="/incidents" className={buttonClasses("ghost")}>
            Clear
          </Link>
          <button type="submit" className={buttonClasses("secondary")}>
            Apply filters
          </button>
        </div>
      </div>
    </form>
  );
}
