"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/components/ui/cn";

/** `section` is the path prefix the item stands for (defaults to its href). */
export type NavItem = { href: string; label: string; soon?: boolean; section?: string };

/** Top navigation; sections whose screens are not built yet show as "soon", not as dead links. */
export function AppNav({
  items,
  vertical = false,
  className,
  onNavigate,
}: {
  items: NavItem[];
  vertical?: boolean;
  className?: string;
  onNavigate?: () => void;
}) {
  const pathname = usePathname();
  return (
    <nav aria-label="Main" className={cn("flex gap-1", vertical ? "flex-col" : "items-center", className)}>
      {items.map((item) => {
        if (item.soon) {
          return (
            <span
              key={item.href}
              aria-disabled="true"
              title={`${item.label} is coming soon`}
              className="flex cursor-default items-center gap-1.5 rounded-md px-3 py-1.5 text-sm text-slate-400"
            >
              {item.label}
              <span className="rounded bg-white/10 px-1 text-[10px] font-medium uppercase tracking-wide text-slate-400">
                soon
              </span>
            </span>
          );
        }
        const section = item.section ?? item.href;
        const active = pathname === section || pathname.startsWith(`${section}/`);
        return (
          <Link
            key={item.href}
            href={item.href}
            aria-current={active ? "page" : undefined}
            onClick={onNavigate}
            className={cn(
              "rounded-md px-3 text-sm font-medium whitespace-nowrap transition-colors",
              vertical ? "py-2.5 text-base" : "py-1.5",
              active ? "bg-white/15 text-white" : "text-slate-300 hover:bg-white/10 hover:text-white",
            )}
          >
            {item.label}
          </Link>
        );
      })}
    </nav>
  );
}
