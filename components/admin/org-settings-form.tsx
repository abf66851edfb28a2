"use client";

import { ActionForm } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { Field, inputClasses, SelectField } from "@/components/ui/field";
import { updateOrgSettingsAction } from "@/lib/actions/settings/update-org-settings";
import { LEVEL_LABELS, LEVELS } from "@/lib/domain/change";
import { ROLE_LABELS, ROLES } from "@/lib/domain/roles";

type Settings = {
  name: string;
  timeZone: string;
  passwordSignInEnabled: boolean;
  ssoDefaultRole: string;
  ssoDefaultLevel: string;
};

export function OrgSettingsForm({
  settings,
  timeZones,
  sso,
}: {
  settings: Settings;
  timeZones: string[];
  sso: { name: string } | null;
}) {
  return (
    <ActionForm action={updateOrgSettingsAction} label="Organisation settings" className="space-y-8">
      {({ fieldErrors, pending }) => (
        <>
          <fieldset className="grid max-w-2xl gap-5 sm:grid-cols-2">
            <legend className="mb-3 text-sm font-semibold text-slate-900">Organisation</legend>
            <Field id="name" label="Name" errors={fieldErrors.name}>
              <input
                id="name"
                name="name"
                defaultValue={settings.name}
                aria-invalid={Boolean(fieldErrors.name)}
                className={inputClasses}
              />
            </Field>
            <SelectField
              id="timeZone"
              name="timeZone"
              label="Time zone"
              hint="Days and weeks (Monday to Sunday) start at midnight here, on every page and report."
              options={(timeZones.includes(settings.timeZone) ? timeZones : [settings.timeZone, ...timeZones]).map(
                (zone) => ({ value: zone, label: zone.replaceAll("_", " ") }),
              )}
              defaultValue={settings.timeZone}
              errors={fieldErrors.timeZone}
            />
          </fieldset>

          <fieldset className="max-w-2xl space-y-5 border-t border-slate-200 pt-6">
            <legend className="sr-only">Sign-in</legend>
            <h3 className="text-sm font-semibold text-slate-900">Sign-in</h3>
            <p className="text-sm text-slate-600">
              {sso ? (
                <>Single sign-on is configured: “Sign in with {sso.name}”.</>
              ) : (
                <>Single sign-on is not configured (see docs/sso.md); password sign-in must stay on.</>
              )}
            </p>
            <div>
              <label className="flex items-start gap-3 text-sm">
                <input
                  type="checkbox"
                  name="passwordSignInEnabled"
                  defaultChecked={settings.passwordSignInEnabled}
                  className="mt-0.5 size-4 accent-indigo-600"
                  aria-describedby="passwordSignInEnabled-hint"
                />
                <span>
                  <span className="font-medium text-slate-800">Allow sign-in with email and password</span>
                  <span id="passwordSignInEnabled-hint" className="block text-xs text-slate-500">
                    Switch off to make everyone sign in through single sign-on.
                  </span>
                </span>
              </label>
              {fieldErrors.passwordSignInEnabled?.map((message) => (
                <p key={message} className="mt-1 text-xs font-medium text-red-600">
                  {message}
                </p>
              ))}
            </div>
            <div className="grid gap-5 sm:grid-cols-2">
              <SelectField
                id="ssoDefaultRole"
                name="ssoDefaultRole"
                label="Role for new single sign-on users"
                options={ROLES.map((role) => ({ value: role, label: ROLE_LABELS[role] }))}
                defaultValue={settings.ssoDefaultRole}
                errors={fieldErrors.ssoDefaultRole}
              />
              <SelectField
                id="ssoDefaultLevel"
                name="ssoDefaultLevel"
                label="Level for new single sign-on users"
                options={LEVELS.map((level) => ({ value: level, label: LEVEL_LABELS[level] }))}
                defaultValue={settings.ssoDefaultLevel}
                errors={fieldErrors.ssoDefaultLevel}
              />
            </div>
          </fieldset>
          <Button type="submit" disabled={pending}>
            Save settings
          </Button>
        </>
      )}
    </ActionForm>
  );
}
