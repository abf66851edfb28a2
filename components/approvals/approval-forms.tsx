"use client";

import { ActionForm, FieldError } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { inputClasses } from "@/components/ui/field";
import { decideChangeApprovalAction } from "@/lib/actions/approvals/decide-change-approval";
import { requestApprovalAction } from "@/lib/actions/approvals/request-approval";

/** Approve, or reject with a reason, in one small form. */
/** With `version`, a change edited after the page was rendered is refused instead of approved blind. */
export function DecideApprovalForm({
  changeId,
  title,
  version,
}: {
  changeId: number;
  title: string;
  version?: number;
}) {
  return (
    <ActionForm
      action={decideChangeApprovalAction}
      hidden={version === undefined ? { changeId } : { changeId, version }}
      label={`Decide on ${title}`}
      className="space-y-2"
    >
      {({ fieldErrors, pending }) => (
        <>
          <input
            name="comment"
            aria-label={`Comment on change #${changeId}`}
            placeholder="Comment (required to reject)"
            className={`${inputClasses} py-1.5`}
            aria-invalid={Boolean(fieldErrors.comment)}
          />
          <FieldError errors={fieldErrors.comment} />
          <div className="flex gap-2">
            <Button type="submit" name="decision" value="APPROVED" disabled={pending} className="px-3 py-1.5">
              Approve
            </Button>
            <Button
              type="submit"
              name="decision"
              value="REJECTED"
              variant="secondary"
              disabled={pending}
              className="px-3 py-1.5 text-red-700"
            >
              Reject
            </Button>
          </div>
        </>
      )}
    </ActionForm>
  );
}

/** After a rejection: revise the title and say what changed, then ask again. */
export function RequestApprovalForm({ changeId, title }: { changeId: number; title: string }) {
  return (
    <ActionForm
      action={requestApprovalAction}
      hidden={{ changeId }}
      label="Revise and request approval again"
      className="space-y-2"
    >
      {({ fieldErrors, pending }) => (
        <>
          <label className="block text-xs font-medium text-slate-700">
            Title
            <input
              name="title"
              defaultValue={title}
              className={`${inputClasses} mt-1`}
              aria-invalid={Boolean(fieldErrors.title)}
            />
          </label>
          <FieldError errors={fieldErrors.title} />
          <label className="block text-xs font-medium text-slate-700">
            What changed since the rejection
            <textarea
              name="comment"
              rows={2}
              className={`${inputClasses} mt-1`}
              aria-invalid={Boolean(fieldErrors.comment)}
            />
          </label>
          <FieldError errors={fieldErrors.comment} />
          <Button type="submit" disabled={pending}>
            Request approval again
          </Button>
        </>
      )}
    </ActionForm>
  );
}
