import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { AdminHeader } from "@/components/admin/admin-header";
import { AiRuleControls, AiRuleForm, GithubLoginForm } from "@/components/admin/ai-rule-forms";
import { CreateIntegrationForm } from "@/components/admin/integration-forms";
import { DeliveryHistory } from "@/components/admin/webhook-delivery-history";
import {
  IntegrationSettings,
  IntegrationsTable,
  RejectedDeliveriesTable,
} from "@/components/admin/integration-sections";
import { Badge } from "@/components/ui/badge";
import { Panel } from "@/components/ui/panel";
import { AI_RULE_KIND_LABELS } from "@/lib/domain/ai-detection";
import { requirePageUser } from "@/lib/server/auth/require-user";
import { can } from "@/lib/server/permissions";
import {
  listAiRules,
  listAiToolOptions,
  listGithubLoginOptions,
  listIntegrations,
  listRejectedDeliveries,
} from "@/lib/server/queries/integrations/list-integrations";
import { listStatusDeliveries } from "@/lib/server/queries/integrations/list-status-deliveries";
import { getOrgSettings } from "@/lib/server/queries/settings/get-org-settings";

export const metadata: Metadata = { title: "Integrations" };

export default async function IntegrationsPage() {
  const user = await requirePageUser("/admin/integrations");
  if (!can(user.role, "integrations:manage")) forbidden();
  const [integrations, rules, tools, users, rejected, { timeZone }] = await Promise.all([
    listIntegrations(),
    listAiRules(),
    listAiToolOptions(),
    listGithubLoginOptions(),
    listRejectedDeliveries(),
    getOrgSettings(),
  ]);
  const statusDeliveries = await listStatusDeliveries(
    integrations.filter((integration) => integration.kind === "GITHUB").map((integration) => integration.id),
  );
  const baseUrl = process.env.NEXTAUTH_URL ?? "";
  const mapped = users.filter((person) => person.githubLogin);
  return (
    <div className="space-y-6">
      <AdminHeader current="/admin/integrations" />
      <p className="max-w-3xl text-sm text-slate-600">
        GitHub reports merged pull requests and deployments as changes; Alertmanager opens and mitigates incidents.
        Set-up steps are in docs/inbound-webhooks.md.
      </p>
      <IntegrationsTable integrations={integrations} baseUrl={baseUrl} timeZone={timeZone} />
      <Panel title="New integration">
        <CreateIntegrationForm />
      </Panel>
      {integrations.map((integration) => (
        <IntegrationSettings key={integration.id} integration={integration} />
      ))}
      {integrations
        .filter((integration) => integration.kind === "GITHUB")
        .map((integration) => (
          <Panel key={integration.id} title={`Commit statuses sent by ${integration.name}`}>
            <DeliveryHistory deliveries={statusDeliveries.get(integration.id) ?? []} timeZone={timeZone} />
          </Panel>
        ))}

      <Panel title="AI detection rules">
        <p className="mb-4 text-sm text-slate-600">
          Tried top to bottom on every merged pull request; the first match marks the change AI-assisted and is stored
          on it. Label patterns may end in * (ai:*); a trailer pattern * means any co-author that names a known AI tool.
        </p>
        <ol className="mb-6 divide-y divide-slate-100 rounded-md ring-1 ring-slate-200" aria-label="AI detection rules">
          {rules.length === 0 ? (
            <li className="px-4 py-6 text-center text-sm text-slate-500">
              No rules: no change is marked AI-assisted automatically.
            </li>
          ) : null}
          {rules.map((rule, index) => (
            <li key={rule.id} className="space-y-2 px-4 py-3" aria-label={`Rule ${index + 1}: ${rule.pattern}`}>
              <div className="flex flex-wrap items-center justify-between gap-2">
                <p className="text-sm">
                  <span className="mr-2 font-mono text-xs text-slate-600">{index + 1}.</span>
                  <span className="font-medium">{AI_RULE_KIND_LABELS[rule.kind]}</span>{" "}
                  <code className="rounded bg-slate-100 px-1.5 py-0.5 text-xs">{rule.pattern}</code>
                  <span className="text-slate-500"> → {rule.aiTool?.name ?? "tool from the match"}</span>
                  {rule.active ? null : (
                    <Badge tone="slate" className="ml-2">
                      Inactive
                    </Badge>
                  )}
                </p>
                <AiRuleControls rule={rule} first={index === 0} last={index === rules.length - 1} />
              </div>
              <details>
                <summary className="cursor-pointer text-xs font-medium text-indigo-700">Edit</summary>
                <div className="mt-2">
                  <AiRuleForm tools={tools} rule={rule} />
                </div>
              </details>
            </li>
          ))}
        </ol>
        <AiRuleForm tools={tools} />
      </Panel>

      <Panel title="GitHub logins">
        <p className="mb-4 text-sm text-slate-600">
          A pull request&apos;s author is the Faultline user with its GitHub login; unmapped logins leave the change
          without an author (its description names the login).
        </p>
        {mapped.length ? (
          <ul className="mb-4 flex flex-wrap gap-2" aria-label="Mapped GitHub logins">
            {mapped.map((person) => (
              <li key={person.id} className="rounded-md bg-slate-50 px-2.5 py-1 text-sm ring-1 ring-slate-200">
                <span className="font-mono">@{person.githubLogin}</span> → {person.name}
              </li>
            ))}
          </ul>
        ) : null}
        <GithubLoginForm users={users} />
      </Panel>

      <section aria-label="Rejected deliveries" className="space-y-3">
        <h2 className="text-sm font-semibold text-slate-900">
          Rejected deliveries{" "}
          <span className="font-normal text-slate-500">(newest 50 shown; the last 500 are kept)</span>
        </h2>
        <RejectedDeliveriesTable rows={rejected} timeZone={timeZone} />
      </section>
    </div>
  );
}
