"use client";

import { useId } from "react";
import { ActionForm, FieldError } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { Combobox } from "@/components/ui/combobox";
import { inputClasses } from "@/components/ui/field";
import { linkChangeAction } from "@/lib/actions/incidents/link-change";
import { searchIncidentsForLinkAction } from "@/lib/actions/incidents/search-incidents-for-link";
import { LINK_ROLE_LABELS, LINK_ROLES } from "@/lib/domain/change-failure";

/** From a change: link it to an incident found by INC number or title. */
export function LinkToIncidentForm({ changeId }: { changeId: number }) {
  const roleId = useId();
  return (
    <ActionForm
      action={linkChangeAction}
      hidden={{ changeId }}
      resetOnSuccess
      feedbackAtEnd
      savedMessage="Linked. The incident is listed above."
      label="Link to incident"
      className="space-y-2"
    >
      {({ fieldErrors, pending }) => (
        <>
          <div className="grid gap-2 sm:grid-cols-[1fr_11rem_auto] sm:items-start">
            <Combobox
              label="Find an incident"
              name="incidentId"
              search={searchIncidentsForLinkAction}
              placeholder="INC-42 or words from the title"
              hint="By number, or title (impact in the last 180 days)."
              invalid={Boolean(fieldErrors.incidentId)}
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
              Link to incident
            </Button>
          </div>
          <FieldError errors={fieldErrors.incidentId ? ["Choose an incident from the list first."] : undefined} />
          <FieldError errors={fieldErrors.role} />
        </>
      )}
    </ActionForm>
  );
}
