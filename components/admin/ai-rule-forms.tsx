"use client";

import { ActionForm } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { Field, inputClasses, SelectField } from "@/components/ui/field";
import { AI_RULE_KINDS, AI_RULE_KIND_LABELS, type AiRuleKind } from "@/lib/domain/ai-detection";
import { AI_INVOLVEMENTS, AI_INVOLVEMENT_LABELS, type AiInvolvement } from "@/lib/domain/change";
import { moveAiRuleAction } from "@/lib/actions/integrations/move-ai-rule";
import { saveAiRuleAction } from "@/lib/actions/integrations/save-ai-rule";
import { setAiRuleActiveAction } from "@/lib/actions/integrations/set-ai-rule-active";
import { setGithubLoginAction } from "@/lib/actions/integrations/set-github-login";

type Tool = { id: number; name: string };
type Rule = {
  id: number;
  kind: AiRuleKind;
  pattern: string;
  aiToolId: number | null;
  involvement: AiInvolvement;
  active: boolean;
};

/** Add a rule (no `rule`) or edit one; the fields are the same. */
export function AiRuleForm({ tools, rule }: { tools: Tool[]; rule?: Rule }) {
  const key = rule ? `rule-${rule.id}` : "rule-new";
  return (
    <ActionForm
      action={saveAiRuleAction}
      hidden={rule ? { ruleId: rule.id } : undefined}
      resetOnSuccess={!rule}
      label={rule ? `Edit rule ${rule.pattern}` : "Add an AI detection rule"}
      className="space-y-2"
    >
      {({ fieldErrors, pending }) => (
        <div className="grid gap-3 sm:grid-cols-[13rem_1fr_11rem_10rem_auto] sm:items-end">
          <SelectField
            id={`${key}-kind`}
            name="kind"
            label="Looks at"
            options={AI_RULE_KINDS.map((kind) => ({ value: kind, label: AI_RULE_KIND_LABELS[kind] }))}
            defaultValue={rule?.kind ?? "PR_LABEL"}
            errors={fieldErrors.kind}
          />
          <Field id={`${key}-pattern`} label="Pattern" errors={fieldErrors.pattern}>
            <input
              id={`${key}-pattern`}
              name="pattern"
              defaultValue={rule?.pattern}
              placeholder="ai-assisted, ai:*, Copilot, AI assistance"
              className={inputClasses}
              aria-invalid={Boolean(fieldErrors.pattern)}
            />
          </Field>
          <SelectField
            id={`${key}-tool`}
            name="aiToolId"
            label="AI tool"
            placeholder="From the match"
            options={tools.map((tool) => ({ value: tool.id, label: tool.name }))}
            defaultValue={rule?.aiToolId ?? ""}
            errors={fieldErrors.aiToolId}
          />
          <SelectField
            id={`${key}-involvement`}
            name="involvement"
            label="Involvement"
            options={AI_INVOLVEMENTS.map((involvement) => ({
              value: involvement,
              label: AI_INVOLVEMENT_LABELS[involvement],
            }))}
            defaultValue={rule?.involvement ?? "CO_AUTHORED"}
            errors={fieldErrors.involvement}
          />
          <Button type="submit" variant={rule ? "secondary" : "primary"} disabled={pending}>
            {rule ? "Save" : "Add rule"}
          </Button>
        </div>
      )}
    </ActionForm>
  );
}

export function AiRuleControls({ rule, first, last }: { rule: Rule; first: boolean; last: boolean }) {
  return (
    <div className="flex items-center gap-1">
      <ActionForm
        action={moveAiRuleAction}
        hidden={{ ruleId: rule.id, direction: "up" }}
        label={`Move ${rule.pattern} up`}
      >
        {({ pending }) => (
          <Button
            type="submit"
            variant="ghost"
            disabled={pending || first}
            className="px-2 py-1 text-xs"
            aria-label={`Move ${rule.pattern} up`}
          >
            ↑
          </Button>
        )}
      </ActionForm>
      <ActionForm
        action={moveAiRuleAction}
        hidden={{ ruleId: rule.id, direction: "down" }}
        label={`Move ${rule.pattern} down`}
      >
        {({ pending }) => (
          <Button
            type="submit"
            variant="ghost"
            disabled={pending || last}
            className="px-2 py-1 text-xs"
            aria-label={`Move ${rule.pattern} down`}
          >
            ↓
          </Button>
        )}
      </ActionForm>
      <ActionForm
        action={setAiRuleActiveAction}
        hidden={{ ruleId: rule.id, active: String(!rule.active) }}
        label={`${rule.active ? "Deactivate" : "Activate"} ${rule.pattern}`}
      >
        {({ pending }) => (
          <Button type="submit" variant="ghost" disabled={pending} className="px-2 py-1 text-xs">
            {rule.active ? "Deactivate" : "Activate"}
          </Button>
        )}
      </ActionForm>
    </div>
  );
}

export function GithubLoginForm({
  users,
}: {
  users: Array<{ id: number; name: string; email: string; githubLogin: string | null }>;
}) {
  return (
    <ActionForm action={setGithubLoginAction} label="Map a GitHub login" resetOnSuccess className="space-y-2">
      {({ fieldErrors, pending }) => (
        <div className="grid gap-3 sm:grid-cols-[1fr_1fr_auto] sm:items-end">
          <SelectField
            id="github-user"
            name="userId"
            label="Faultline user"
            placeholder="Choose a user…"
            required
            options={users.map((user) => ({
              value: user.id,
              label: `${user.name} (${user.email})${user.githubLogin ? ` — @${user.githubLogin}` : ""}`,
            }))}
            defaultValue=""
            errors={fieldErrors.userId}
          />
          <Field
            id="github-login"
            label="GitHub login"
            hint="Leave empty to clear the user's login."
            errors={fieldErrors.githubLogin}
          >
            <input
              id="github-login"
              name="githubLogin"
              placeholder="octocat"
              className={inputClasses}
              aria-invalid={Boolean(fieldErrors.githubLogin)}
            />
          </Field>
          <Button type="submit" disabled={pending}>
            Save login
          </Button>
        </div>
      )}
    </ActionForm>
  );
}
