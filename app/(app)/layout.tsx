import Link from "next/link";
import { AppNav, type NavItem } from "@/components/layout/app-nav";
import { NotificationBell } from "@/components/layout/notification-bell";
import { SignOutButton } from "@/components/layout/sign-out-button";
import { requirePageUser } from "@/lib/server/auth/require-user";
import { countUnreadNotifications } from "@/lib/server/queries/notifications/list-notifications";

const NAV: NavItem[] = [
  { href: "/incidents", label: "Incidents" },
  { href: "/changes", label: "Changes" },
  { href: "/approvals", label: "Approvals" },
  { href: "/dashboard", label: "Dashboard" },
  { href: "/reports", label: "Weekly report" },
  { href: "/help/definitions", label: "Definitions", section: "/help" },
];

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const user = await requirePageUser("/incidents");
  const unread = await countUnreadNotifications(user.id);
  const nav = user.role === "ADMIN" ? [...NAV, { href: "/admin/users", label: "Admin", section: "/admin" }] : NAV;
  return (
    <div className="min-h-screen">
      <header className="no-print bg-slate-900">
        <div className="mx-auto flex h-14 max-w-7xl items-center gap-6 px-4 sm:px-6">
          <Link href="/incidents" className="flex shrink-0 items-center gap-2 font-semibold text-white">
            {/* eslint-disable-next-line @next/next/no-img-element */}
            <img src="/icon.svg" alt="" className="size-7" />
            Faultline
          </Link>
          <AppNav items={nav} />
          <div className="ml-auto flex shrink-0 items-center gap-3">
            <NotificationBell unread={unread} />
            <Link
              href="/account"
              title="Your account"
              className="hidden rounded-md px-2 py-1 text-right leading-tight hover:bg-slate-800 sm:block"
            >
              <div className="text-sm font-medium text-white">{user.name}</div>
              <div className="text-xs text-slate-400">
                {user.role.toLowerCase()} · {user.level.toLowerCase()}
              </div>
            </Link>
            <SignOutButton />
          </div>
        </div>
      </header>
      <main className="mx-auto max-w-7xl px-4 py-8 sm:px-6">{children}</main>
    </div>
  );
}
