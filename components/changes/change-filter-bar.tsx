import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";
import { inputClasses } from "@/components/ui/field";
import { APPROVAL_STATES, APPROVAL_STATE_LABELS, CHANGE_KINDS, CHANGE_KIND_LABELS, LEVELS, LEVEL_LABELS } from "@/lib/domain/change";
import type { ChangeFilters } from "@/lib/schemas/change-filters";

type Option = { id: number; name: string };
const label = "text-xs font-medium text-slate-600";

/** A plain GET form: the filters become the URL. */
export function ChangeFilterBar({ filters, services, aiTools }: { filters: ChangeFilters; services: Option[]; aiTools: Option[] }) {
  return (
    <form method="get" action="/changes" role="search" aria-label="Filter changes" className="grid gap-3 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200 sm:grid-cols-3 lg:grid-cols-6">
      <label className={`${label} sm:col-span-2`}>
        Search
        <input type="search" name="q" defaultValue={filters.q} placeholder="Title, repository or external id" className={`${inputClasses} mt-1`} />
      </label>
      <label className={label}>
        Service
        <select name="service" defaultValue={filters.serviceIds[0] ?? ""} className={`${inputClasses} mt-1`}>
          <option value="">All services</option>
          {services.map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
        </select>
      </label>
      <label className={label}>
        Kind
        <select name="kind" defaultValue={filters.kinds[0] ?? ""} className={`${inputClasses} mt-1`}>
          <option value="">All kinds</option>
          {CHANGE_KINDS.map((k) => <option key={k} value={k}>{CHANGE_KIND_LABELS[k]}</option>)}
        </select>
      </label>
      <label className={label}>
        AI-assisted
        <select name="ai" defaultValue={filters.ai ?? ""} className={`${inputClasses} mt-1`}>
          <option value="">Any</option>
          <option value="yes">AI-assisted</option>
          <option value="no">Not AI-assisted</option>
        </select>
      </label>
      <label className={label}>
        AI tool
        <select name="tool" defaultValue={filters.aiToolIds[0] ?? ""} className={`${inputClasses} mt-1`}>
          <option value="">Any tool</option>
          {aiTools.map((t) => <option key={t.id} value={t.id}>{t.name}</option>)}
        </select>
      </label>
      <label className={label}>
        Author level
        <select name="level" defaultValue={filters.authorLevels[0] ?? ""} className={`${inputClasses} mt-1`}>
          <option value="">Any level</option>
          {LEVELS.map((l) => <option key={l} value={l}>{LEVEL_LABELS[l]}</option>)}
        </select>
      </label>
      <label className={label}>
        Approval
        <select name="approval" defaultValue={filters.approvalStates[0] ?? ""} className={`${inputClasses} mt-1`}>
          <option value="">Any state</option>
          {APPROVAL_STATES.map((s) => <option key={s} value={s}>{APPROVAL_STATE_LABELS[s]}</option>)}
        </select>
      </label>
      <label className={label}>
        Failed
        <select name="failed" defaultValue={filters.failed ?? ""} className={`${inputClasses} mt-1`}>
          <option value="">Any</option>
          <option value="yes">Failed</option>
          <option value="no">Not failed</option>
        </select>
      </label>
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
          <input type="checkbox" name="violation" value="1" defaultChecked={filters.violation} className="accent-indigo-600" />
          Policy violations only
        </label>
        <div className="flex gap-2">
          <Link href="/changes" className={buttonClasses("ghost")}>Clear</Link>
          <button type="submit" className={buttonClasses("secondary")}>Apply</button>
        </div>
      </div>
    </form>
  );
}
