"use client";

import { useId } from "react";
import { ActionForm, FieldError } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { Combobox, type ComboboxSearch } from "@/components/ui/combobox";
import { inputClasses } from "@/components/ui/field";
import { linkChangeAction } from "@/lib/actions/incidents/link-change";
import { LINK_ROLE_LABELS, LINK_ROLES } from "@/lib/domain/change-failure";

/**
 * Links a change to an incident through the one link action, from either side: `fixed` is the
 * side the page is about (a hidden field), the combobox finds the other one.
 */
export function LinkBySearchForm(props: {
  fixed: { incidentId: number } | { changeId: number };
  /** The field the combobox fills: the other side of the link. */
  name: "incidentId" | "changeId";
  search: ComboboxSearch;
  formLabel: string;
  findLabel: string;
  placeholder: string;
  hint: string;
  submitLabel: string;
  savedMessage: string;
  /** Said when nothing was picked from the list. */
  missing: string;
}) {
  const roleId = useId();
  return (
    <ActionForm
      action={linkChangeAction}
      hidden={props.fixed}
      resetOnSuccess
      feedbackAtEnd
      savedMessage={props.savedMessage}
      label={props.formLabel}
      className="space-y-2"
    >
      {({ fieldErrors, pending }) => (
        <>
          <div className="grid gap-2 sm:grid-cols-[1fr_11rem_auto] sm:items-start">
            <Combobox
              label={props.findLabel}
              name={props.name}
              search={props.search}
              placeholder={props.placeholder}
              hint={props.hint}
              invalid={Boolean(fieldErrors[props.name])}
            />
            <div>
              <label htmlFor={roleId} className="block text-xs font-medium text-slate-700">
                Role
              </label>
              <select
                id={roleId}
                name="role"
                defaultValue=""
                className={`${inputClasses} mt-1`}
                aria-invalid={Boolean(fieldErrors.role)}
              >
                <option value="" disabled>
                  Choose a role…
                </option>
                {LINK_ROLES.map((role) => (
                  <option key={role} value={role}>
                    {LINK_ROLE_LABELS[role]}
                  </option>
                ))}
              </select>
            </div>
            <Button type="submit" variant="secondary" disabled={pending} className="sm:mt-5">
              {props.submitLabel}
            </Button>
          </div>
          <FieldError errors={fieldErrors[props.name] ? [props.missing] : undefined} />
          <FieldError errors={fieldErrors.role} />
        </>
      )}
    </ActionForm>
  );
}
