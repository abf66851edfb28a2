import Link from "next/link";
import { cn } from "@/components/ui/cn";

const ITEMS = [
  { href: "/admin/users", label: "Users" },
  { href: "/admin/teams", label: "Teams & services" },
  { href: "/admin/lists", label: "Managed lists" },
  { href: "/admin/policy", label: "Approval policy" },
  { href: "/admin/settings", label: "Settings" },
  { href: "/admin/tokens", label: "API tokens" },
  { href: "/admin/integrations", label: "Integrations" },
  { href: "/admin/webhooks", label: "Outbound webhooks" },
  { href: "/admin/audit", label: "Audit log" },
];

export function AdminNav({ current }: { current: string }) {
  return (
    <nav aria-label="Admin" className="flex flex-wrap gap-x-1 border-b border-slate-200">
      {ITEMS.map((item) => (
        <Link
          key={item.href}
          href={item.href}
          aria-current={item.href === current ? "page" : undefined}
          className={cn("-mb-px border-b-2 px-3 py-2 text-sm font-medium", item.href === current ? "border-indigo-600 text-indigo-700" : "border-transparent text-slate-600 hover:text-slate-900")}
        >
          {item.label}
        </Link>
      ))}
    </nav>
  );
}
