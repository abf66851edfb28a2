import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";
import { inputClasses } from "@/components/ui/field";
import { FilterSelect } from "@/components/ui/filter-select";
import { LEVEL_LABELS } from "@/lib/domain/change";
import { ROLE_LABELS } from "@/lib/domain/roles";
import { LEVELS } from "@/lib/domain/change";
import { ROLES } from "@/lib/domain/roles";
import type { UserFilters } from "@/lib/schemas/user-filters";

/** A plain GET form: the filters become the URL. */
export function UserFilterBar({ filters }: { filters: UserFilters }) {
  return (
    <form
      method="get"
      action="/admin/users"
      role="search"
      aria-label="Filter users"
      className="grid gap-3 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200 sm:grid-cols-2 lg:grid-cols-5"
    >
      <label className="text-xs font-medium text-slate-600">
        Search
        <input
          type="search"
          name="q"
          defaultValue={filters.q}
          placeholder="Name or email"
          className={`${inputClasses} mt-1`}
        />
      </label>
      <FilterSelect
        label="Role"
        name="role"
        options={ROLES.map((r) => ({ id: r, name: ROLE_LABELS[r] }))}
        value={filters.role}
        allLabel="Any role"
        className=""
      />
      <FilterSelect
        label="Level"
        name="level"
        options={LEVELS.map((l) => ({ id: l, name: LEVEL_LABELS[l] }))}
        value={filters.level}
        allLabel="Any level"
        className=""
      />
      <label className="text-xs font-medium text-slate-600">
        Status
        <select name="status" defaultValue={filters.status} className={`${inputClasses} mt-1`}>
          <option value="active">Active</option>
          <option value="deactivated">Deactivated</option>
          <option value="all">Everyone</option>
        </select>
      </label>
      <div className="flex items-end justify-end gap-2">
        <Link href="/admin/users" className={buttonClasses("ghost")}>
          Clear
        </Link>
        <button type="submit" className={buttonClasses("secondary")}>
          Apply
        </button>
      </div>
    </form>
  );
}
