import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { AdminHeader } from "@/components/admin/admin-header";
import { CreateApiTokenForm, RevokeApiTokenButton } from "@/components/admin/api-token-forms";
import { Badge } from "@/components/ui/badge";
import { Panel } from "@/components/ui/panel";
import { DataTable } from "@/components/ui/table";
import { formatDateTime } from "@/lib/domain/format";
import { requirePageUser } from "@/lib/server/auth/require-user";
import { can } from "@/lib/server/permissions";
import { getOrgSettings } from "@/lib/server/queries/settings/get-org-settings";
import { listApiTokens } from "@/lib/server/queries/tokens/list-api-tokens";

export const metadata: Metadata = { title: "API tokens" };

export default async function ApiTokensPage() {
  const user = await requirePageUser("/admin/tokens");
  if (!can(user.role, "settings:manage")) forbidden();
  const [tokens, { timeZone }] = await Promise.all([listApiTokens(), getOrgSettings()]);
  return (
    <div className="space-y-6">
      <AdminHeader current="/admin/tokens" />
      <Panel
        title="New API token"
        actions={
          <a href="/help/api" className="text-sm font-medium text-sky-700 hover:underline">
            API reference — a token acts as you
          </a>
        }
      >
        <CreateApiTokenForm />
      </Panel>
      <DataTable columns={["Name", "Token", "Scopes", "Created", "Last used", ""]}>
        {tokens.length === 0 ? (
          <tr>
            <td colSpan={6} className="px-4 py-10 text-center text-slate-500">
              No API tokens yet.
            </td>
          </tr>
        ) : (
          tokens.map((token) => (
            <tr key={token.id}>
              <td className="px-4 py-3 font-medium">{token.name}</td>
              <td className="px-4 py-3 font-mono text-xs text-slate-500">{token.prefix}…</td>
              <td className="px-4 py-3 font-mono text-xs">{token.scopes.join(" ")}</td>
              <td className="whitespace-nowrap px-4 py-3 text-slate-600">
                {formatDateTime(token.createdAt, timeZone)} · {token.createdBy.name}
              </td>
              <td className="whitespace-nowrap px-4 py-3 text-slate-600">
                {token.lastUsedAt ? formatDateTime(token.lastUsedAt, timeZone) : "never"}
              </td>
              <td className="px-4 py-3 text-right">
                {token.revokedAt ? (
                  <Badge tone="slate">Revoked</Badge>
                ) : (
                  <RevokeApiTokenButton tokenId={token.id} name={token.name} />
                )}
              </td>
            </tr>
          ))
        )}
      </DataTable>
    </div>
  );
}
