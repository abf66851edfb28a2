import { AI_SHARE_FILTER_LABELS, AI_SHARE_FILTERS } from "@/lib/domain/attribution/ai-share";
import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";
import { inputClasses } from "@/components/ui/field";
import { FilterSelect } from "@/components/ui/filter-select";
import {
  APPROVAL_STATES,
  APPROVAL_STATE_LABELS,
  CHANGE_KINDS,
  CHANGE_KIND_LABELS,
  LEVELS,
  LEVEL_LABELS,
} from "@/lib/domain/change";
import type { ChangeFilters } from "@/lib/schemas/change-filters";

type Option = { id: number; name: string };
const label = "text-xs font-medium text-slate-600";

/** A plain GET form: the filters become the URL. */
export function ChangeFilterBar({
  filters,
  services,
  aiTools,
}: {
  filters: ChangeFilters;
  services: Option[];
  aiTools: Option[];
}) {
  return (
    <form
      method="get"
      action="/changes"
      role="search"
      aria-label="Filter changes"
      className="grid gap-3 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200 sm:grid-cols-3 lg:grid-cols-6"
    >
      <label className={`${label} sm:col-span-2`}>
        Search
        <input
          type="search"
          name="q"
          defaultValue={filters.q}
          placeholder="Title, repository or external id"
          className={`${inputClasses} mt-1`}
        />
      </label>
      <FilterSelect
        label="Service"
        name="service"
        options={services}
        value={filters.serviceIds[0]}
        allLabel="All services"
        className=""
      />
      <FilterSelect
        label="Kind"
        name="kind"
        options={CHANGE_KINDS.map((k) => ({ id: k, name: CHANGE_KIND_LABELS[k] }))}
        value={filters.kinds[0]}
        allLabel="All kinds"
        className=""
      />
      <FilterSelect
        label="AI-assisted"
        name="ai"
        options={[
          { id: "yes", name: "AI-assisted" },
          { id: "no", name: "Not AI-assisted" },
        ]}
        value={filters.ai}
        allLabel="Any"
        className=""
      />
      <FilterSelect
        label="AI share"
        name="share"
        options={AI_SHARE_FILTERS.map((band) => ({ id: band, name: AI_SHARE_FILTER_LABELS[band] }))}
        value={filters.aiShareBands?.[0]}
        allLabel="Any share"
        className=""
      />
      <FilterSelect
        label="AI tool"
        name="tool"
        options={aiTools}
        value={filters.aiToolIds[0]}
        allLabel="Any tool"
        className=""
      />
      <FilterSelect
        label="Author level"
        name="level"
        options={LEVELS.map((l) => ({ id: l, name: LEVEL_LABELS[l] }))}
        value={filters.authorLevels[0]}
        allLabel="Any level"
        className=""
      />
      <FilterSelect
        label="Approval"
        name="approval"
        options={APPROVAL_STATES.map((a) => ({ id: a, name: APPROVAL_STATE_LABELS[a] }))}
        value={filters.approvalStates[0]}
        allLabel="Any state"
        className=""
      />
      <FilterSelect
        label="Failed"
        name="failed"
        options={[
          { id: "yes", name: "Failed" },
          { id: "no", name: "Not failed" },
        ]}
        value={filters.failed}
        allLabel="Any"
        className=""
      />
      <label className={label}>
        Shipped from
        <input type="date" name="from" defaultValue={filters.from} className={`${inputClasses} mt-1`} />
      </label>
      <label className={label}>
        to
        <input type="date" name="to" defaultValue={filters.to} className={`${inputClasses} mt-1`} />
      </label>
      <div className="flex items-end justify-between gap-2 sm:col-span-3 lg:col-span-2">
        <label className="flex items-center gap-2 pb-2 text-sm text-slate-700">
          <input
            type="checkbox"
            name="violation"
            value="1"
            defaultChecked={filters.violation}
            className="accent-indigo-600"
          />
          Policy violations only
        </label>
        <div className="flex gap-2">
          <Link href="/changes" className={buttonClasses("ghost")}>
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
