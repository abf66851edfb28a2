import Link from "next/link";
import { cn } from "./cn";

/** A row of tabs that are links; the current one is underlined and marked aria-current. */
export function TabNav({
  label,
  tabs,
  current,
}: {
  label: string;
  tabs: ReadonlyArray<{ href: string; label: string }>;
  current: string;
}) {
  return (
    <nav aria-label={label} className="flex flex-wrap gap-x-1 border-b border-slate-200">
      {tabs.map((tab) => (
        <Link
          key={tab.href}
          href={tab.href}
          aria-current={tab.href === current ? "page" : undefined}
          className={cn(
            "-mb-px border-b-2 px-3 py-2 text-sm font-medium",
            tab.href === current
              ? "border-indigo-600 text-indigo-700"
              : "border-transparent text-slate-600 hover:text-slate-900",
          )}
        >
          {tab.label}
        </Link>
      ))}
    </nav>
  );
}
