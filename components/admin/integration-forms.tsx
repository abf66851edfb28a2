"use client";

import { ActionForm } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { Field, FormAlert, inputClasses, SelectField } from "@/components/ui/field";
import { useActionForm } from "@/components/ui/use-action-form";
import { SEVERITIES, SEVERITY_INFO } from "@/lib/domain/severity";
import { createIntegrationAction } from "@/lib/actions/integrations/create-integration";
import { rotateIntegrationSecretAction } from "@/lib/actions/integrations/rotate-integration-secret";
import { setIntegrationActiveAction } from "@/lib/actions/integrations/set-integration-active";
import { updateAlertmanagerConfigAction } from "@/lib/actions/integrations/update-alertmanager-config";
import { updateGithubConfigAction } from "@/lib/actions/integrations/update-github-config";

function SecretOnce({ secret, label }: { secret: string; label: string }) {
  return (
    <div
      role="status"
      className="space-y-2 rounded-md bg-emerald-50 p-4 text-sm text-emerald-900 ring-1 ring-inset ring-emerald-600/20"
    >
      <p className="font-medium">Copy the secret now: it is shown only once.</p>
      <input
        readOnly
        value={secret}
        aria-label={label}
        onFocus={(e) => e.currentTarget.select()}
        className={`${inputClasses} font-mono`}
      />
    </div>
  );
}

/** Creates an integration and shows its secret once. */
export function CreateIntegrationForm() {
  const { state, pending, onSubmit, fieldErrors } = useActionForm(createIntegrationAction);
  return (
    <form onSubmit={onSubmit} noValidate aria-label="Create an integration" className="space-y-4">
      {state.ok === false ? <FormAlert message={state.message} /> : null}
      {state.ok && state.data?.secret ? <SecretOnce secret={state.data.secret} label="New integration secret" /> : null}
      <div className="grid gap-4 sm:grid-cols-[12rem_1fr_auto] sm:items-end">
        <SelectField
          id="integration-kind"
          name="kind"
          label="Source"
          options={[
            { value: "GITHUB", label: "GitHub" },
            { value: "ALERTMANAGER", label: "Prometheus Alertmanager" },
          ]}
          defaultValue="GITHUB"
          errors={fieldErrors.kind}
        />
        <Field id="integration-name" label="Name" errors={fieldErrors.name}>
          <input
            id="integration-name"
            name="name"
            placeholder="e.g. acme GitHub org"
            className={inputClasses}
            aria-invalid={Boolean(fieldErrors.name)}
          />
        </Field>
        <Button type="submit" disabled={pending}>
          Create integration
        </Button>
      </div>
    </form>
  );
}

export function RotateSecretForm({ integrationId, name }: { integrationId: number; name: string }) {
  const { state, pending, onSubmit } = useActionForm(rotateIntegrationSecretAction);
  return (
    <form onSubmit={onSubmit} noValidate aria-label={`Rotate the secret of ${name}`} className="space-y-3">
      <input type="hidden" name="integrationId" value={integrationId} />
      {state.ok === false ? <FormAlert message={state.message} /> : null}
      {state.ok && state.data?.secret ? (
        <SecretOnce secret={state.data.secret} label={`New secret of ${name}`} />
      ) : null}
      <Button type="submit" variant="secondary" disabled={pending}>
        Rotate secret
      </Button>
    </form>
  );
}

export function IntegrationActiveForm({
  integrationId,
  name,
  active,
}: {
  integrationId: number;
  name: string;
  active: boolean;
}) {
  return (
    <ActionForm
      action={setIntegrationActiveAction}
      hidden={{ integrationId, active: String(!active) }}
      label={`${active ? "Deactivate" : "Activate"} ${name}`}
    >
      {({ pending }) => (
        <Button
          type="submit"
          variant={active ? "ghost" : "secondary"}
          disabled={pending}
          className={active ? "text-red-600" : ""}
        >
          {active ? "Deactivate" : "Activate"}
        </Button>
      )}
    </ActionForm>
  );
}

const textareaClasses = `${inputClasses} font-mono text-xs`;

export function GithubConfigForm({
  integrationId,
  name,
  repositories,
  defaultService,
  apiBaseUrl,
  hasStatusToken,
}: {
  integrationId: number;
  name: string;
  repositories: string;
  defaultService: string;
  apiBaseUrl: string;
  hasStatusToken: boolean;
}) {
  return (
    <ActionForm
      action={updateGithubConfigAction}
      hidden={{ integrationId }}
      label={`Repositories of ${name}`}
      className="space-y-4"
    >
      {({ fieldErrors, pending }) => (
        <>
          <Field
            id={`repos-${integrationId}`}
            label="Repositories → services"
            hint="One per line: owner/repository = service-slug"
            errors={fieldErrors.repositories}
          >
            <textarea
              id={`repos-${integrationId}`}
              name="repositories"
              rows={4}
              defaultValue={repositories}
              placeholder="acme/checkout = checkout"
              className={textareaClasses}
              aria-invalid={Boolean(fieldErrors.repositories)}
            />
          </Field>
          <Field
            id={`default-service-${integrationId}`}
            label="Default service (optional)"
            hint="For repositories not listed; leave empty to refuse them."
            errors={fieldErrors.defaultService}
          >
            <input
              id={`default-service-${integrationId}`}
              name="defaultService"
              defaultValue={defaultService}
              placeholder="service-slug"
              className={inputClasses}
            />
          </Field>
          <Field
            id={`api-base-${integrationId}`}
            label="GitHub API address"
            hint="Where the faultline/approval commit status is posted; GitHub Enterprise: https://HOST/api/v3."
            errors={fieldErrors.apiBaseUrl}
          >
            <input
              id={`api-base-${integrationId}`}
              name="apiBaseUrl"
              defaultValue={apiBaseUrl}
              className={inputClasses}
            />
          </Field>
          <Field
            id={`status-token-${integrationId}`}
            label={hasStatusToken ? "Status token (set; enter a new one to replace it)" : "Status token (not set)"}
            hint="A GitHub token allowed to write commit statuses. Stored encrypted, never shown again; without it no status is posted."
            errors={fieldErrors.statusToken}
          >
            <input
              id={`status-token-${integrationId}`}
              name="statusToken"
              type="password"
              autoComplete="off"
              className={inputClasses}
            />
          </Field>
          {hasStatusToken ? (
            <label className="flex items-center gap-2 text-sm">
              <input type="checkbox" name="clearStatusToken" /> Remove the status token
            </label>
          ) : null}
          <Button type="submit" disabled={pending}>
            Save mapping
          </Button>
        </>
      )}
    </ActionForm>
  );
}

export function AlertmanagerConfigForm(props: {
  integrationId: number;
  name: string;
  severityLabel: string;
  severities: string;
  defaultSeverity: string;
  serviceLabel: string;
  services: string;
  defaultService: string;
}) {
  const { integrationId } = props;
  return (
    <ActionForm
      action={updateAlertmanagerConfigAction}
      hidden={{ integrationId }}
      label={`Mapping of ${props.name}`}
      className="space-y-4"
    >
      {({ fieldErrors, pending }) => (
        <>
          <div className="grid gap-4 sm:grid-cols-2">
            <Field id={`sev-label-${integrationId}`} label="Severity label" errors={fieldErrors.severityLabel}>
              <input
                id={`sev-label-${integrationId}`}
                name="severityLabel"
                defaultValue={props.severityLabel}
                className={inputClasses}
              />
            </Field>
            <SelectField
              id={`sev-default-${integrationId}`}
              name="defaultSeverity"
              label="Default severity"
              options={SEVERITIES.map((severity) => ({ value: severity, label: SEVERITY_INFO[severity].label }))}
              defaultValue={props.defaultSeverity}
              errors={fieldErrors.defaultSeverity}
            />
          </div>
          <Field
            id={`sevs-${integrationId}`}
            label="Label values → severities"
            hint="One per line: value = SEV1 … SEV4"
            errors={fieldErrors.severities}
          >
            <textarea
              id={`sevs-${integrationId}`}
              name="severities"
              rows={5}
              defaultValue={props.severities}
              className={textareaClasses}
              aria-invalid={Boolean(fieldErrors.severities)}
            />
          </Field>
          <div className="grid gap-4 sm:grid-cols-2">
            <Field id={`svc-label-${integrationId}`} label="Service label (optional)" errors={fieldErrors.serviceLabel}>
              <input
                id={`svc-label-${integrationId}`}
                name="serviceLabel"
                defaultValue={props.serviceLabel}
                className={inputClasses}
              />
            </Field>
            <Field
              id={`svc-default-${integrationId}`}
              label="Default service"
              hint="Used when no label value maps to a service."
              errors={fieldErrors.defaultService}
            >
              <input
                id={`svc-default-${integrationId}`}
                name="defaultService"
                defaultValue={props.defaultService}
                placeholder="service-slug"
                className={inputClasses}
              />
            </Field>
          </div>
          <Field
            id={`svcs-${integrationId}`}
            label="Label values → services"
            hint="One per line: value = service-slug (a value that is itself a slug needs no line)"
            errors={fieldErrors.services}
          >
            <textarea
              id={`svcs-${integrationId}`}
              name="services"
              rows={3}
              defaultValue={props.services}
              className={textareaClasses}
              aria-invalid={Boolean(fieldErrors.services)}
            />
          </Field>
          <Button type="submit" disabled={pending}>
            Save mapping
          </Button>
        </>
      )}
    </ActionForm>
  );
}
