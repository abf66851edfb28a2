import {
  AlertmanagerConfigForm,
  GithubConfigForm,
  IntegrationActiveForm,
  RotateSecretForm,
} from "@/components/admin/integration-forms";
import { Badge } from "@/components/ui/badge";
import { Panel } from "@/components/ui/panel";
import { DataTable } from "@/components/ui/table";
import { formatDateTime } from "@/lib/domain/format";
import {
  alertmanagerConfigSchema,
  githubConfigSchema,
  INTEGRATION_KIND_LABELS,
  toMappingLines,
} from "@/lib/schemas/integration";
import type { IntegrationRow } from "@/lib/server/queries/integrations/list-integrations";
import type { listRejectedDeliveries } from "@/lib/server/queries/integrations/list-integrations";

/** The URL a sender posts to, absolute (from NEXTAUTH_URL) so that it can be pasted as is. */
export function webhookUrl(baseUrl: string, integration: { id: number; kind: IntegrationRow["kind"] }) {
  return `${baseUrl.replace(/\/+$/, "")}/api/v1/webhooks/${integration.kind === "GITHUB" ? "github" : "alertmanager"}/${integration.id}`;
}

export function IntegrationsTable({
  integrations,
  baseUrl,
  timeZone,
}: {
  integrations: IntegrationRow[];
  baseUrl: string;
  timeZone: string;
}) {
  return (
    <DataTable columns={["Integration", "Webhook URL", "Status", "Last delivery"]}>
      {integrations.length === 0 ? (
        <tr>
          <td colSpan={4} className="px-4 py-10 text-center text-slate-500">
            No integrations yet. Create one below for GitHub or Alertmanager.
          </td>
        </tr>
      ) : (
        integrations.map((integration) => (
          <tr key={integration.id}>
            <td className="px-4 py-3">
              <a href={`#integration-${integration.id}`} className="font-medium text-indigo-700 hover:underline">
                {integration.name}
              </a>
              <p className="text-xs text-slate-500">{INTEGRATION_KIND_LABELS[integration.kind]}</p>
            </td>
            <td className="px-4 py-3">
              <code aria-label={`Webhook URL of ${integration.name}`} className="break-all font-mono text-xs">
                {webhookUrl(baseUrl, integration)}
              </code>
            </td>
            <td className="px-4 py-3">
              {integration.active ? <Badge tone="green">Active</Badge> : <Badge tone="slate">Deactivated</Badge>}
            </td>
            <td className="whitespace-nowrap px-4 py-3 text-slate-600">
              {integration.lastProcessedAt
                ? `${formatDateTime(integration.lastProcessedAt, timeZone)} · ${integration.processedCount} processed`
                : "none yet"}
              {integration.lastRejectedAt ? (
                <p className="text-xs text-red-700">
                  last rejected {formatDateTime(integration.lastRejectedAt, timeZone)}
                </p>
              ) : null}
            </td>
          </tr>
        ))
      )}
    </DataTable>
  );
}

export function IntegrationSettings({ integration }: { integration: IntegrationRow }) {
  const title = `${integration.name} · ${INTEGRATION_KIND_LABELS[integration.kind]}${integration.active ? "" : " (deactivated)"}`;
  let form: React.ReactNode;
  if (integration.kind === "GITHUB") {
    const config = githubConfigSchema.catch(githubConfigSchema.parse({})).parse(integration.config ?? {});
    form = (
      <GithubConfigForm
        integrationId={integration.id}
        name={integration.name}
        repositories={toMappingLines(config.repositories)}
        defaultService={config.defaultService ?? ""}
        apiBaseUrl={config.apiBaseUrl}
        hasStatusToken={integration.hasStatusToken}
      />
    );
  } else {
    const config = alertmanagerConfigSchema.catch(alertmanagerConfigSchema.parse({})).parse(integration.config ?? {});
    form = (
      <AlertmanagerConfigForm
        integrationId={integration.id}
        name={integration.name}
        severityLabel={config.severityLabel}
        severities={toMappingLines(config.severities)}
        defaultSeverity={config.defaultSeverity}
        serviceLabel={config.serviceLabel ?? ""}
        services={toMappingLines(config.services)}
        defaultService={config.defaultService ?? ""}
      />
    );
  }
  return (
    <Panel
      id={`integration-${integration.id}`}
      title={title}
      actions={
        <IntegrationActiveForm integrationId={integration.id} name={integration.name} active={integration.active} />
      }
    >
      <div className="grid gap-6 lg:grid-cols-[1fr_16rem]">
        {form}
        <div className="space-y-2 text-sm text-slate-600">
          <p>
            The secret verifies every delivery (
            {integration.kind === "GITHUB" ? "X-Hub-Signature-256" : "Authorization: Bearer"}). Rotating it breaks
            deliveries until the sender has the new one.
          </p>
          <RotateSecretForm integrationId={integration.id} name={integration.name} />
        </div>
      </div>
    </Panel>
  );
}

/** Pretty-prints a JSON body for reading; a cut or broken body is shown as received. */
function prettyBody(body: string): string {
  if (!body) return "(empty body)";
  try {
    return JSON.stringify(JSON.parse(body), null, 2);
  } catch {
    return body;
  }
}

type Rejected = Awaited<ReturnType<typeof listRejectedDeliveries>>[number];

export function RejectedDeliveriesTable({ rows, timeZone }: { rows: Rejected[]; timeZone: string }) {
  return (
    <DataTable columns={["Received", "Source", "Status", "Reason", "Details"]}>
      {rows.length === 0 ? (
        <tr>
          <td colSpan={5} className="px-4 py-10 text-center text-slate-500">
            No rejected deliveries.
          </td>
        </tr>
      ) : (
        rows.map((row) => (
          <tr key={row.id} className="align-top">
            <td className="whitespace-nowrap px-4 py-3 text-slate-600">{formatDateTime(row.receivedAt, timeZone)}</td>
            <td className="px-4 py-3">
              <span className="font-medium">
                {row.integration?.name ?? (row.source === "github" ? "GitHub" : "Alertmanager")}
              </span>
              {row.event ? <p className="font-mono text-xs text-slate-500">{row.event}</p> : null}
            </td>
            <td className="px-4 py-3">
              <Badge tone={row.status === 401 ? "red" : "amber"}>{row.status}</Badge>
            </td>
            <td className="max-w-md px-4 py-3 text-slate-800">{row.reason}</td>
            <td className="px-4 py-3">
              <details>
                <summary className="cursor-pointer text-xs font-medium text-indigo-700">Headers and body</summary>
                <pre
                  tabIndex={0}
                  className="mt-2 max-h-64 max-w-xl overflow-auto whitespace-pre-wrap break-all rounded bg-slate-50 p-2 font-mono text-xs"
                >
                  {JSON.stringify(row.headers, null, 2)}
                </pre>
                <pre
                  tabIndex={0}
                  className="mt-2 max-h-64 max-w-xl overflow-auto whitespace-pre-wrap break-all rounded bg-slate-50 p-2 font-mono text-xs"
                >
                  {prettyBody(row.body)}
                </pre>
              </details>
            </td>
          </tr>
        ))
      )}
    </DataTable>
  );
}
