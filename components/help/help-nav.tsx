import Link from "next/link";
import { cn } from "@/components/ui/cn";

const TABS = [
  { href: "/help/definitions", label: "Definitions" },
  { href: "/help/api", label: "API reference" },
] as const;

/** Tabs between the help pages. */
export function HelpNav({ current }: { current: (typeof TABS)[number]["href"] }) {
  return (
    <nav aria-label="Help" className="flex gap-1 border-b border-slate-200">
      {TABS.map((tab) => (
        <Link
          key={tab.href}
          href={tab.href}
          aria-current={tab.href === current ? "page" : undefined}
          className={cn(
            "-mb-px border-b-2 px-3 py-2 text-sm font-medium",
            tab.href === current ? "border-slate-900 text-slate-900" : "border-transparent text-slate-500 hover:text-slate-800",
          )}
        >
          {tab.label}
        </Link>
      ))}
    </nav>
  );
}
