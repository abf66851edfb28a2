import Link from "next/link";
import { cookies } from "next/headers";
import { AppNav, type NavItem } from "@/components/layout/app-nav";
import { CommandPalette } from "@/components/layout/command-palette";
import { NotificationBell } from "@/components/layout/notification-bell";
import { PhoneMenu } from "@/components/layout/phone-menu";
import { SignOutButton } from "@/components/layout/sign-out-button";
import { ThemeToggle } from "@/components/layout/theme-toggle";
import { parseTheme, THEME_COOKIE } from "@/lib/domain/theme";
import type { Command } from "@/lib/domain/commands";
import type { SessionUser } from "@/lib/server/auth/session-user";
import { can } from "@/lib/server/permissions";
import { countUnreadNotifications } from "@/lib/server/queries/notifications/list-notifications";

const NAV: NavItem[] = [
  { href: "/incidents", label: "Incidents" },
  { href: "/changes", label: "Changes" },
  { href: "/approvals", label: "Approvals" },
  { href: "/dashboard", label: "Dashboard" },
  { href: "/reports", label: "Weekly report" },
  { href: "/help/definitions", label: "Definitions", section: "/help" },
];

/**
 * The signed-in frame: skip link, header (navigation, palette, theme, notifications, account,
 * sign out) and the main region. Used by the (app) layout and by the 403 page the layout's
 * refusal lands on, so a refused person can still go elsewhere or sign out.
 */
export async function AppShell({ user, children }: { user: SessionUser; children: React.ReactNode }) {
  const unread = await countUnreadNotifications(user.id);
  const nav = user.role === "ADMIN" ? [...NAV, { href: "/admin/users", label: "Admin", section: "/admin" }] : NAV;
  const theme = parseTheme((await cookies()).get(THEME_COOKIE)?.value);
  const detail = `${user.role.toLowerCase()} · ${user.level.toLowerCase()}`;
  const commands: Command[] = [
    ...(can(user.role, "incident:declare")
      ? [{ id: "declare", label: "Declare an incident", href: "/incidents/new", hint: "Action" }]
      : []),
    ...(can(user.role, "change:register")
      ? [{ id: "register", label: "Register a change", href: "/changes/new", hint: "Action" }]
      : []),
    ...nav.map((item) => ({ id: item.href, label: item.label, href: item.href, hint: "Go to" })),
    { id: "notifications", label: "Notifications", href: "/notifications", hint: "Go to" },
    { id: "account", label: "Your account", href: "/account", hint: "Go to" },
    { id: "api-help", label: "API reference", href: "/help/api", hint: "Go to" },
  ];
  return (
    <div className="min-h-screen">
      {/* The first stop for keyboard users: past the header, straight to the page. */}
      <a
        href="#main"
        className="sr-only rounded-md bg-white px-4 py-2 text-sm font-semibold text-indigo-800 shadow-lg ring-2 ring-indigo-600 focus:not-sr-only focus:fixed focus:left-3 focus:top-3 focus:z-50"
      >
        Skip to content
      </a>
      {/* palette-fixed: the header stays dark in both schemes (app/globals.css). */}
      <header className="no-print palette-fixed relative bg-slate-900">
        <div className="mx-auto flex h-14 max-w-7xl items-center gap-4 px-4 sm:px-6 xl:gap-6">
          <Link href="/incidents" className="flex shrink-0 items-center gap-2 font-semibold text-white">
            {/* eslint-disable-next-line @next/next/no-img-element */}
            <img src="/icon.svg" alt="" className="size-7" />
            Faultline
          </Link>
          <AppNav items={nav} className="hidden xl:flex" />
          <div className="ml-auto flex shrink-0 items-center gap-2 sm:gap-3">
            <CommandPalette commands={commands} />
            <div className="hidden xl:block">
              <ThemeToggle initial={theme} onDark />
            </div>
            <NotificationBell unread={unread} />
            <Link
              href="/account"
              title="Your account"
              className="hidden rounded-md px-2 py-1 text-right leading-tight hover:bg-slate-800 xl:block"
            >
              <div className="text-sm font-medium text-white">{user.name}</div>
              <div className="text-xs text-slate-400">{detail}</div>
            </Link>
            <div className="hidden xl:block">
              <SignOutButton />
            </div>
            <PhoneMenu items={nav} user={{ name: user.name, detail }} theme={theme} />
          </div>
        </div>
      </header>
      <main id="main" tabIndex={-1} className="mx-auto max-w-7xl px-4 py-6 outline-none sm:px-6 sm:py-8">
        {children}
      </main>
    </div>
  );
}
