"use client";

import { ActionForm } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { changeLinkRoleAction } from "@/lib/actions/incidents/change-link-role";
import { linkChangeAction } from "@/lib/actions/incidents/link-change";
import { unlinkChangeAction } from "@/lib/actions/incidents/unlink-change";
import { LINK_ROLE_LABELS, LINK_ROLES, type LinkRole } from "@/lib/domain/change-failure";

const selectClasses =
  "rounded-md border-0 bg-white py-1.5 pl-2 pr-7 text-xs ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-indigo-600";

/** "Link as [role] [Link]" for one suspect change. */
export function LinkSuspectForm({
  incidentId,
  changeId,
  changeTitle,
}: {
  incidentId: number;
  changeId: number;
  changeTitle: string;
}) {
  return (
    <ActionForm
      action={linkChangeAction}
      hidden={{ incidentId, changeId }}
      label={`Link ${changeTitle}`}
      className="flex items-center justify-end gap-1.5"
    >
      {({ pending }) => (
        <>
          <select
            name="role"
            defaultValue="SUSPECTED"
            aria-label={`Role of change #${changeId}`}
            className={selectClasses}
          >
            {LINK_ROLES.map((role) => (
              <option key={role} value={role}>
                {LINK_ROLE_LABELS[role]}
              </option>
            ))}
          </select>
          <Button type="submit" variant="secondary" disabled={pending} className="px-2.5 py-1 text-xs">
            Link
          </Button>
        </>
      )}
    </ActionForm>
  );
}

/** Change the role of a linked change, or remove the link. */
export function LinkedChangeControls({
  incidentId,
  changeId,
  role,
}: {
  incidentId: number;
  changeId: number;
  role: LinkRole;
}) {
  return (
    <div className="flex items-center justify-end gap-1.5">
      <ActionForm
        action={changeLinkRoleAction}
        hidden={{ incidentId, changeId }}
        label={`Role of change #${changeId}`}
        className="flex items-center gap-1.5"
      >
        {({ pending }) => (
          <>
            <select
              name="role"
              defaultValue={role}
              aria-label={`Role of linked change #${changeId}`}
              className={selectClasses}
            >
              {LINK_ROLES.map((r) => (
                <option key={r} value={r}>
                  {LINK_ROLE_LABELS[r]}
                </option>
              ))}
            </select>
            <Button type="submit" variant="secondary" disabled={pending} className="px-2.5 py-1 text-xs">
              Set role
            </Button>
          </>
        )}
      </ActionForm>
      <ActionForm action={unlinkChangeAction} hidden={{ incidentId, changeId }} label={`Unlink change #${changeId}`}>
        {({ pending }) => (
          <Button
            type="submit"
            variant="ghost"
            disabled={pending}
            className="px-2 py-1 text-xs text-red-600 hover:text-red-700"
            aria-label={`Unlink change #${changeId}`}
          >
            Unlink
          </Button>
        )}
      </ActionForm>
    </div>
  );
}
