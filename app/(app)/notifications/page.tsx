import type { Metadata } from "next";
import Link from "next/link";
import { MarkAllReadButton } from "@/components/layout/mark-read-button";
import { EmptyState } from "@/components/ui/table";
import { cn } from "@/components/ui/cn";
import { formatDateTime } from "@/lib/domain/format";
import { requirePageUser } from "@/lib/server/auth/require-user";
import { listNotifications } from "@/lib/server/queries/notifications/list-notifications";
import { getOrgSettings } from "@/lib/server/queries/settings/get-org-settings";

export const metadata: Metadata = { title: "Notifications" };

export default async function NotificationsPage() {
  const user = await requirePageUser("/notifications");
  const [items, { timeZone }] = await Promise.all([listNotifications(user.id), getOrgSettings()]);
  const unread = items.filter((n) => !n.readAt).length;
  return (
    <div className="mx-auto max-w-3xl space-y-5">
      <div className="flex items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Notifications</h1>
          <p className="mt-1 text-sm text-slate-600">{unread === 0 ? "You are all caught up." : `${unread} unread.`}</p>
        </div>
        {unread > 0 ? <MarkAllReadButton /> : null}
      </div>
      {items.length === 0 ? (
        <EmptyState>No notifications yet. Approval requests and decisions show up here.</EmptyState>
      ) : (
        <ul className="divide-y divide-slate-100 rounded-lg bg-white shadow-sm ring-1 ring-slate-200">
          {items.map((n) => (
            <li
              key={n.id}
              className={cn(
                "flex items-center justify-between gap-4 px-5 py-3 text-sm",
                !n.readAt && "bg-indigo-50/50",
              )}
            >
              <div className="flex min-w-0 items-center gap-3">
                <span
                  aria-hidden
                  className={cn("size-2 shrink-0 rounded-full", n.readAt ? "bg-transparent" : "bg-indigo-500")}
                />
                {n.href ? (
                  <Link href={n.href} className="min-w-0 break-words font-medium text-slate-900 hover:text-indigo-600">
                    {n.title}
                  </Link>
                ) : (
                  <span className="min-w-0 break-words">{n.title}</span>
                )}
                {!n.readAt ? <span className="sr-only">(unread)</span> : null}
              </div>
              <time className="shrink-0 text-xs text-slate-500" dateTime={n.createdAt.toISOString()}>
                {formatDateTime(n.createdAt, timeZone)}
              </time>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
