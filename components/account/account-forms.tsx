"use client";

import { ActionForm } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { Field, inputClasses } from "@/components/ui/field";
import { changePasswordAction } from "@/lib/actions/account/change-password";
import { revokeOtherSessionsAction } from "@/lib/actions/account/revoke-other-sessions";
import { revokeSessionAction } from "@/lib/actions/account/revoke-session";

export function ChangePasswordForm({ hasPassword }: { hasPassword: boolean }) {
  return (
    <ActionForm
      action={changePasswordAction}
      resetOnSuccess
      label={hasPassword ? "Change password" : "Set a password"}
      className="max-w-md space-y-4"
    >
      {({ fieldErrors, pending }) => (
        <>
          {hasPassword ? (
            <Field id="currentPassword" label="Current password" errors={fieldErrors.currentPassword}>
              <input
                id="currentPassword"
                name="currentPassword"
                type="password"
                autoComplete="current-password"
                aria-invalid={Boolean(fieldErrors.currentPassword)}
                className={inputClasses}
              />
            </Field>
          ) : null}
          <Field id="newPassword" label="New password" hint="At least 12 characters." errors={fieldErrors.newPassword}>
            <input
              id="newPassword"
              name="newPassword"
              type="password"
              autoComplete="new-password"
              aria-invalid={Boolean(fieldErrors.newPassword)}
              className={inputClasses}
            />
          </Field>
          <Field id="confirmPassword" label="Repeat the new password" errors={fieldErrors.confirmPassword}>
            <input
              id="confirmPassword"
              name="confirmPassword"
              type="password"
              autoComplete="new-password"
              aria-invalid={Boolean(fieldErrors.confirmPassword)}
              className={inputClasses}
            />
          </Field>
          <p className="text-xs text-slate-500">Your other sessions are signed out when the password changes.</p>
          <Button type="submit" disabled={pending}>
            {hasPassword ? "Change password" : "Set password"}
          </Button>
        </>
      )}
    </ActionForm>
  );
}

export function RevokeSessionButton({ sessionId, label }: { sessionId: string; label: string }) {
  return (
    <ActionForm action={revokeSessionAction} hidden={{ sessionId }} label={`Sign out ${label}`}>
      {({ pending }) => (
        <Button type="submit" variant="ghost" disabled={pending} className="px-2 py-1 text-xs text-red-600">
          Sign out
        </Button>
      )}
    </ActionForm>
  );
}

export function RevokeOtherSessionsButton({ disabled }: { disabled: boolean }) {
  return (
    <ActionForm action={revokeOtherSessionsAction} label="Sign out everywhere else" className="flex items-center gap-3">
      {({ pending }) => (
        <Button type="submit" variant="secondary" disabled={pending || disabled} className="px-2.5 py-1 text-xs">
          Sign out everywhere else
        </Button>
      )}
    </ActionForm>
  );
}
