"use client";

import { useEffect, useRef } from "react";
import { ActionForm } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { Field, FormAlert, inputClasses, SelectField } from "@/components/ui/field";
import { useActionForm } from "@/components/ui/use-action-form";
import { createUserAction } from "@/lib/actions/users/create-user";
import { setUserActiveAction } from "@/lib/actions/users/set-user-active";
import { updateUserAction } from "@/lib/actions/users/update-user";
import { LEVEL_LABELS } from "@/lib/domain/change";
import { ROLE_LABELS } from "@/lib/domain/roles";
import { LEVELS } from "@/lib/domain/change";
import { ROLES } from "@/lib/domain/roles";
import { PASSWORD_MIN_LENGTH } from "@/lib/schemas/admin-user";
import type { FieldErrors } from "@/lib/server/errors";

type Team = { id: number; name: string };
type EditableUser = { id: number; name: string; role: string; level: string; teamId: number | null };

function PersonFields({
  prefix,
  errors,
  user,
  teams,
}: {
  prefix: string;
  errors: FieldErrors;
  user?: EditableUser;
  teams: Team[];
}) {
  return (
    <>
      <SelectField
        id={`${prefix}-role`}
        name="role"
        label="Role"
        hint="Engineers register changes; managers publish reports; admins run the organisation."
        options={ROLES.map((role) => ({ value: role, label: ROLE_LABELS[role] }))}
        defaultValue={user?.role ?? "ENGINEER"}
        errors={errors.role}
      />
      <SelectField
        id={`${prefix}-level`}
        name="level"
        label="Level"
        hint="Decides which AI-assisted changes need approval."
        options={LEVELS.map((level) => ({ value: level, label: LEVEL_LABELS[level] }))}
        defaultValue={user?.level ?? "MID"}
        errors={errors.level}
      />
      <SelectField
        id={`${prefix}-team`}
        name="teamId"
        label="Team"
        placeholder="No team"
        options={teams.map((team) => ({ value: team.id, label: team.name }))}
        defaultValue={user?.teamId ?? ""}
        errors={errors.teamId}
      />
    </>
  );
}

export function CreateUserForm({ teams }: { teams: Team[] }) {
  const { state, pending, onSubmit, fieldErrors } = useActionForm(createUserAction);
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state.ok) formRef.current?.reset();
  }, [state]);
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate aria-label="Create a user" className="space-y-4">
      {state.ok === false ? <FormAlert message={state.message} /> : null}
      {state.ok && state.message ? (
        <p
          role="status"
          className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800 ring-1 ring-inset ring-emerald-600/20"
        >
          {state.message}
        </p>
      ) : null}
      <div className="grid gap-4 sm:grid-cols-3">
        <Field id="new-name" label="Name" errors={fieldErrors.name}>
          <input
            id="new-name"
            name="name"
            autoComplete="off"
            className={inputClasses}
            aria-invalid={Boolean(fieldErrors.name)}
          />
        </Field>
        <Field id="new-email" label="Email" errors={fieldErrors.email}>
          <input
            id="new-email"
            name="email"
            type="email"
            autoComplete="off"
            className={inputClasses}
            aria-invalid={Boolean(fieldErrors.email)}
          />
        </Field>
        <Field
          id="new-password"
          label="Initial password"
          errors={fieldErrors.password}
          hint={`At least ${PASSWORD_MIN_LENGTH} characters; tell it to them privately.`}
        >
          <input
            id="new-password"
            name="password"
            type="password"
            autoComplete="new-password"
            className={inputClasses}
            aria-invalid={Boolean(fieldErrors.password)}
          />
        </Field>
        <PersonFields prefix="new" errors={fieldErrors} teams={teams} />
      </div>
      <Button type="submit" disabled={pending}>
        Create user
      </Button>
    </form>
  );
}

export function EditUserForm({ user, teams }: { user: EditableUser; teams: Team[] }) {
  return (
    <ActionForm
      action={updateUserAction}
      hidden={{ userId: user.id }}
      label={`Edit ${user.name}`}
      className="space-y-4"
    >
      {({ fieldErrors, pending }) => (
        <>
          <div className="grid gap-4 sm:grid-cols-2">
            <Field id="edit-name" label="Name" errors={fieldErrors.name}>
              <input
                id="edit-name"
                name="name"
                defaultValue={user.name}
                className={inputClasses}
                aria-invalid={Boolean(fieldErrors.name)}
              />
            </Field>
            <PersonFields prefix="edit" errors={fieldErrors} user={user} teams={teams} />
          </div>
          <Button type="submit" disabled={pending}>
            Save changes
          </Button>
        </>
      )}
    </ActionForm>
  );
}

export function SetUserActiveButton({ userId, active, name }: { userId: number; active: boolean; name: string }) {
  return (
    <ActionForm
      action={setUserActiveAction}
      hidden={{ userId, active: String(!active) }}
      label={`${active ? "Deactivate" : "Reactivate"} ${name}`}
      className="space-y-3"
    >
      {({ pending }) => (
        <Button type="submit" variant={active ? "danger" : "primary"} disabled={pending}>
          {active ? "Deactivate" : "Reactivate"}
        </Button>
      )}
    </ActionForm>
  );
}
