"use client";

import { useCallback, useId } from "react";
import { ActionForm, FieldError } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { Combobox } from "@/components/ui/combobox";
import { inputClasses } from "@/components/ui/field";
import { searchChangesForLinkAction } from "@/lib/actions/changes/search-changes-for-link";
import { linkChangeAction } from "@/lib/actions/incidents/link-change";
import { LINK_ROLE_LABELS, LINK_ROLES } from "@/lib/domain/change-failure";

/** Link any change, of any age, by number, external id or words from its title. */
export function LinkChangeSearch({ incidentId }: { incidentId: number }) {
  const roleId = useId();
  const search = useCallback((query: string) => searchChangesForLinkAction(query, incidentId), [incidentId]);
  return (
    <ActionForm
      action={linkChangeAction}
      hidden={{ incidentId }}
      resetOnSuccess
      feedbackAtEnd
      savedMessage="Linked. It is listed above."
      label="Link a change"
      className="space-y-2"
    >
      {({ fieldErrors, pending }) => (
        <>
          <div className="grid gap-2 sm:grid-cols-[1fr_11rem_auto] sm:items-start">
            <Combobox
              label="Find a change"
              name="changeId"
              search={search}
              placeholder="#42, pr-1234 or words from the title"
              hint="Any change: by number, external id, or title (last 180 days)."
              invalid={Boolean(fieldErrors.changeId)}
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
              Link change
            </Button>
          </div>
          <FieldError errors={fieldErrors.changeId ? ["Choose a change from the list first."] : undefined} />
          <FieldError errors={fieldErrors.role} />
        </>
      )}
    </ActionForm>
  );
}
