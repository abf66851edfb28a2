"use client";

import { ActionForm, FieldError } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { inputClasses } from "@/components/ui/field";
import { createApiTokenAction } from "@/lib/actions/tokens/create-api-token";
import { revokeApiTokenAction } from "@/lib/actions/tokens/revoke-api-token";
import { useActionForm } from "@/components/ui/use-action-form";
import { FormAlert } from "@/components/ui/field";

const SCOPES = [
  { value: "read", label: "read", hint: "deploy gate, lists, metrics" },
  { value: "changes:write", label: "changes:write", hint: "register changes from CI" },
  { value: "incidents:write", label: "incidents:write", hint: "open incidents from alerting" },
  { value: "approve", label: "approve", hint: "approve or reject changes as you (senior engineers)" },
  { value: "import", label: "import", hint: "bring in history: past times, external ids" },
];

/** Creates a token and shows it once. */
export function CreateApiTokenForm({ scopes }: { scopes?: string[] } = {}) {
  const offered = scopes ? SCOPES.filter((scope) => scopes.includes(scope.value)) : SCOPES;
  const { state, pending, onSubmit, fieldErrors } = useActionForm(createApiTokenAction);
  return (
    <form onSubmit={onSubmit} noValidate aria-label="Create an API token" className="space-y-4">
      {state.ok === false ? <FormAlert message={state.message} /> : null}
      {state.ok && state.data?.token ? (
        <div
          role="status"
          className="space-y-2 rounded-md bg-emerald-50 p-4 text-sm text-emerald-900 ring-1 ring-inset ring-emerald-600/20"
        >
          <p className="font-medium">Copy the token now: it is shown only once.</p>
          <input
            readOnly
            value={state.data.token}
            aria-label="New API token"
            onFocus={(e) => e.currentTarget.select()}
            className={`${inputClasses} font-mono`}
          />
        </div>
      ) : null}
      <label className="block text-sm font-medium">
        Name
        <input
          name="name"
          placeholder="e.g. GitHub Actions deploy gate"
          className={`${inputClasses} mt-1`}
          aria-invalid={Boolean(fieldErrors.name)}
        />
      </label>
      <FieldError errors={fieldErrors.name} />
      <fieldset>
        <legend className="text-sm font-medium">Scopes</legend>
        <div className="mt-2 flex flex-wrap gap-2">
          {offered.map((scope) => (
            <label
              key={scope.value}
              className="flex cursor-pointer items-center gap-2 rounded-md px-3 py-2 text-sm ring-1 ring-inset ring-slate-300 has-[:checked]:bg-indigo-50 has-[:checked]:ring-indigo-500"
            >
              <input
                type="checkbox"
                name="scopes"
                value={scope.value}
                defaultChecked={scope.value === offered[0].value}
                className="accent-indigo-600"
              />
              <span className="font-mono text-xs">{scope.label}</span>
              <span className="text-xs text-slate-600">{scope.hint}</span>
            </label>
          ))}
        </div>
        <FieldError errors={fieldErrors.scopes} />
      </fieldset>
      <Button type="submit" disabled={pending}>
        Create token
      </Button>
    </form>
  );
}

export function RevokeApiTokenButton({ tokenId, name }: { tokenId: number; name: string }) {
  return (
    <ActionForm action={revokeApiTokenAction} hidden={{ tokenId }} label={`Revoke ${name}`}>
      {({ pending }) => (
        <Button type="submit" variant="ghost" disabled={pending} className="px-2 py-1 text-xs text-red-600">
          Revoke
        </Button>
      )}
    </ActionForm>
  );
}
