import type { Metadata } from "next";
import Link from "next/link";
import { ChangePasswordForm, RevokeOtherSessionsButton, RevokeSessionButton } from "@/components/account/account-forms";
import { ThemeToggle } from "@/components/layout/theme-toggle";
import { Badge } from "@/components/ui/badge";
import { Panel } from "@/components/ui/panel";
import { DataTable } from "@/components/ui/table";
import { formatDateTime } from "@/lib/domain/format";
import { describeUserAgent } from "@/lib/domain/user-agent";
import { getCurrentSession, requirePageUser } from "@/lib/server/auth/require-user";
import { can } from "@/lib/server/permissions";
import { getAccount } from "@/lib/server/queries/account/get-account";
import { CreateApiTokenForm } from "@/components/admin/api-token-forms";
import { listMyApiTokens } from "@/lib/server/queries/account/list-my-api-tokens";
import { listMySessions } from "@/lib/server/queries/account/list-my-sessions";
import { parseTheme, THEME_COOKIE } from "@/lib/domain/theme";
import { cookies } from "next/headers";
import { getOrgSettings } from "@/lib/server/queries/settings/get-org-settings";
import { getSignInSettings } from "@/lib/server/queries/settings/get-sign-in-settings";
import { NotificationPreferencesForm } from "@/components/account/notification-preferences-form";
import { getNotificationPreferences } from "@/lib/server/queries/account/get-notification-preferences";
import { smtpSettings } from "@/lib/server/services/email/smtp-settings";

export const metadata: Metadata = { title: "Your account" };

export default async function AccountPage() {
  const user = await requirePageUser("/account");
  const [current, account, sessions, tokens, { timeZone }, signIn, preferences] = await Promise.all([
    getCurrentSession(),
    getAccount(user.id),
    listMySessions(user.id),
    listMyApiTokens(user.id),
    getOrgSettings(),
    getSignInSettings(),
    getNotificationPreferences(user.id),
  ]);
  const when = (date: Date) => formatDateTime(date, timeZone);
  const theme = parseTheme((await cookies()).get(THEME_COOKIE)?.value);
  const canSetPassword = account.hasPassword || signIn.passwordSignInEnabled;
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold tracking-tight">Your account</h1>
      <div className="grid gap-6 lg:grid-cols-2">
        <Panel title="Profile">
          <dl className="grid grid-cols-[8rem_1fr] gap-x-4 gap-y-2 text-sm">
            <dt className="text-slate-500">Name</dt>
            <dd className="font-medium">{account.name}</dd>
            <dt className="text-slate-500">Email</dt>
            <dd>{account.email}</dd>
            <dt className="text-slate-500">Role</dt>
            <dd className="capitalize">{account.role.toLowerCase()}</dd>
            <dt className="text-slate-500">Level</dt>
            <dd className="capitalize">{account.level.toLowerCase()}</dd>
            <dt className="text-slate-500">Team</dt>
            <dd>{account.team?.name ?? "—"}</dd>
            <dt className="text-slate-500">Sign-in</dt>
            <dd className="flex flex-wrap gap-1.5">
              {account.hasPassword ? <Badge tone="slate">Password</Badge> : null}
              {account.ssoLinked ? <Badge tone="blue">Single sign-on</Badge> : null}
            </dd>
          </dl>
          <p className="mt-4 text-xs text-slate-500">Name, role and level are managed by your admins.</p>
        </Panel>
        <Panel title={account.hasPassword ? "Change password" : "Set a password"}>
          {canSetPassword ? (
            <ChangePasswordForm hasPassword={account.hasPassword} />
          ) : (
            <p className="text-sm text-slate-600">
              You sign in with single sign-on. Password sign-in is switched off for your organisation, so there is no
              password to set.
            </p>
          )}
        </Panel>
      </div>

      <section id="notifications" className="scroll-mt-20">
        <Panel title="Email notifications">
          <NotificationPreferencesForm preferences={preferences} emailEnabled={smtpSettings() !== null} />
        </Panel>
      </section>

      <Panel title="Appearance">
        <div className="flex flex-wrap items-center gap-3 text-sm">
          <span className="text-slate-600">Colour scheme</span>
          <ThemeToggle initial={theme} />
          <span className="text-xs text-slate-500">System follows your device&apos;s light or dark setting.</span>
        </div>
      </Panel>
      <Panel title="Your sessions" actions={<RevokeOtherSessionsButton disabled={sessions.length < 2} />}>
        <div className="-m-5">
          <DataTable
            columns={["Browser", "Method", "IP address", "Started", "Last seen", ""]}
            className="rounded-none shadow-none ring-0"
          >
            {sessions.map((session) => {
              const isCurrent = session.id === current?.sessionId;
              const browser = describeUserAgent(session.userAgent);
              return (
                <tr key={session.id}>
                  <td className="px-4 py-3 font-medium" title={session.userAgent}>
                    {browser}{" "}
                    {isCurrent ? (
                      <Badge tone="green" className="ml-1.5">
                        This session
                      </Badge>
                    ) : null}
                  </td>
                  <td className="px-4 py-3 text-slate-600">
                    {session.method === "oidc" ? "Single sign-on" : "Password"}
                  </td>
                  <td className="px-4 py-3 font-mono text-xs text-slate-600">{session.ip ?? "—"}</td>
                  <td className="whitespace-nowrap px-4 py-3 text-slate-600">{when(session.createdAt)}</td>
                  <td className="whitespace-nowrap px-4 py-3 text-slate-600">{when(session.lastSeenAt)}</td>
                  <td className="px-4 py-3 text-right">
                    {isCurrent ? null : (
                      <RevokeSessionButton
                        sessionId={session.id}
                        label={`${browser} started ${when(session.createdAt)}`}
                      />
                    )}
                  </td>
                </tr>
              );
            })}
          </DataTable>
        </div>
      </Panel>

      <Panel title="Approve from scripts">
        <p className="mb-4 text-sm text-slate-600">
          A token with the <code>approve</code> scope approves or rejects changes as you, with the same rules as the
          Approvals page (POST /api/v1/changes/&#123;id&#125;/approval; see docs/deploy-gate.md).
        </p>
        <CreateApiTokenForm scopes={["approve"]} />
      </Panel>

      <Panel
        title="API tokens you created"
        actions={
          can(user.role, "settings:manage") ? (
            <Link href="/admin/tokens" className="text-sm font-medium text-indigo-600 hover:text-indigo-500">
              Manage API tokens
            </Link>
          ) : null
        }
      >
        {tokens.length === 0 ? (
          <p className="text-sm text-slate-500">
            You have not created any API tokens. Admins create them for CI and alerting on the API tokens page.
          </p>
        ) : (
          <div className="-m-5">
            <DataTable
              columns={["Name", "Token", "Scopes", "Created", "Last used", "Status"]}
              className="rounded-none shadow-none ring-0"
            >
              {tokens.map((token) => (
                <tr key={token.id}>
                  <td className="px-4 py-3 font-medium">{token.name}</td>
                  <td className="px-4 py-3 font-mono text-xs text-slate-500">{token.prefix}…</td>
                  <td className="px-4 py-3 font-mono text-xs">{token.scopes.join(" ")}</td>
                  <td className="whitespace-nowrap px-4 py-3 text-slate-600">{when(token.createdAt)}</td>
                  <td className="whitespace-nowrap px-4 py-3 text-slate-600">
                    {token.lastUsedAt ? when(token.lastUsedAt) : "never"}
                  </td>
                  <td className="px-4 py-3">
                    {token.revokedAt ? (
                      <Badge tone="slate">Revoked {when(token.revokedAt)}</Badge>
                    ) : (
                      <Badge tone="green">Active</Badge>
                    )}
                  </td>
                </tr>
              ))}
            </DataTable>
          </div>
        )}
      </Panel>
    </div>
  );
}
