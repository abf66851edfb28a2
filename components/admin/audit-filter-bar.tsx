import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";
import { inputClasses } from "@/components/ui/field";
import { FilterSelect } from "@/components/ui/filter-select";
import type { AuditFilters } from "@/lib/schemas/audit-filters";

const label = "text-xs font-medium text-slate-600";

/** A plain GET form: the filters become the URL, and the CSV export takes the same URL. */
export function AuditFilterBar({
  filters,
  people,
  actorLabels,
  entityTypes,
  actions,
  timeZone,
}: {
  filters: AuditFilters;
  people: Array<{ id: number; name: string }>;
  actorLabels: string[];
  entityTypes: string[];
  actions: string[];
  timeZone: string;
}) {
  const actor = filters.actorId ? `u${filters.actorId}` : filters.actorLabel ? `l:${filters.actorLabel}` : "";
  return (
    <form
      method="get"
      action="/admin/audit"
      role="search"
      aria-label="Filter the audit log"
      className="grid gap-3 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200 sm:grid-cols-3 lg:grid-cols-7"
    >
      <div className="lg:col-span-2">
        <label htmlFor="audit-actor" className={`${label} block`}>
          Actor
        </label>
        <select id="audit-actor" name="actor" defaultValue={actor} className={`${inputClasses} mt-1`}>
          <option value="">Anyone</option>
          <optgroup label="People">
            {people.map((p) => (
              <option key={p.id} value={`u${p.id}`}>
                {p.name}
              </option>
            ))}
          </optgroup>
          {actorLabels.length ? (
            <optgroup label="API tokens and integrations">
              {actorLabels.map((l) => (
                <option key={l} value={`l:${l}`}>
                  {l}
                </option>
              ))}
            </optgroup>
          ) : null}
        </select>
      </div>
      <FilterSelect
        label="Entity type"
        name="entityType"
        options={entityTypes.map((t) => ({ id: t, name: t }))}
        value={filters.entityType}
        allLabel="Any type"
        className=""
      />
      <label className={label}>
        Entity id
        <input
          name="entityId"
          defaultValue={filters.entityId}
          placeholder="e.g. 42"
          className={`${inputClasses} mt-1`}
        />
      </label>
      <FilterSelect
        label="Action"
        name="action"
        options={actions.map((a) => ({ id: a, name: a }))}
        value={filters.action}
        allLabel="Any action"
        className=""
      />
      <label className={label}>
        From
        <input type="date" name="from" defaultValue={filters.from} className={`${inputClasses} mt-1`} />
      </label>
      <label className={label}>
        To
        <input type="date" name="to" defaultValue={filters.to} className={`${inputClasses} mt-1`} />
      </label>
      <div className="flex items-end justify-between gap-2 sm:col-span-3 lg:col-span-7">
        <p className="text-xs text-slate-500">Days in {timeZone}, both included.</p>
        <div className="flex gap-2">
          <Link href="/admin/audit" className={buttonClasses("ghost")}>
            Clear
          </Link>
          <button type="submit" className={buttonClasses("secondary")}>
            Apply
          </button>
        </div>
      </div>
    </form>
  );
}
