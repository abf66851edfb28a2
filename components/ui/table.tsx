import { cn } from "./cn";

/**
 * A card-styled data table; `columns` become the header row. With `stackOnPhone`, each row
 * becomes a card of stacked cells below the sm breakpoint, so no column (a Decision with its
 * buttons, say) is hidden off to the side on a phone.
 */
export function DataTable({
  columns,
  children,
  className,
  stackOnPhone = false,
}: {
  columns: Array<string | { label: string; align?: "right" }>;
  children: React.ReactNode;
  className?: string;
  stackOnPhone?: boolean;
}) {
  return (
    // Focusable, so a keyboard user can scroll a wide table sideways on a phone (axe scrollable-region-focusable).
    <div tabIndex={0} className={cn("overflow-x-auto rounded-lg bg-white shadow-sm ring-1 ring-slate-200", className)}>
      <table
        className={cn(
          "min-w-full divide-y divide-slate-200 text-sm",
          stackOnPhone &&
            "max-sm:block max-sm:[&_tbody]:block max-sm:[&_td]:block max-sm:[&_td]:w-auto max-sm:[&_td]:py-1.5 max-sm:[&_td]:whitespace-normal max-sm:[&_tr]:block max-sm:[&_tr]:py-2.5",
        )}
      >
        <thead
          className={cn(
            "bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-500",
            stackOnPhone && "max-sm:sr-only",
          )}
        >
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
