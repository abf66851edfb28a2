import { cn } from "./cn";

/** A card-styled data table; `columns` become the header row. */
export function DataTable({
  columns,
  children,
  className,
}: {
  columns: Array<string | { label: string; align?: "right" }>;
  children: React.ReactNode;
  className?: string;
}) {
  return (
    <div className={cn("overflow-x-auto rounded-lg bg-white shadow-sm ring-1 ring-slate-200", className)}>
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-500">
          <tr>
            {columns.map((column) => {
              const { label, align } = typeof column === "string" ? { label: column, align: undefined } : column;
              return (
                <th key={label} scope="col" className={cn("px-4 py-3", align === "right" && "text-right")}>
                  {label}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">{children}</tbody>
      </table>
    </div>
  );
}

export function EmptyState({ children }: { children: React.ReactNode }) {
  return (
    <div className="rounded-lg bg-white px-6 py-16 text-center shadow-sm ring-1 ring-slate-200">
      <p className="font-medium text-slate-900">{children}</p>
    </div>
  );
}
