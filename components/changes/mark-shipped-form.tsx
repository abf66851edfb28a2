"use client";

import { ActionForm, FieldError } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { LocalDateTimeInput } from "@/components/ui/local-date-time-input";
import { markChangeShippedAction } from "@/lib/actions/changes/mark-change-shipped";

export function MarkShippedForm({ changeId, version }: { changeId: number; version: number }) {
  return (
    <ActionForm
      action={markChangeShippedAction}
      hidden={{ changeId, version }}
      label="Mark shipped"
      feedbackAtEnd
      className="space-y-2"
    >
      {({ fieldErrors, pending }) => (
        <>
          <label htmlFor="shippedAtLocal" className="block text-xs font-medium text-slate-700">
            Shipped at
          </label>
          <LocalDateTimeInput
            id="shippedAtLocal"
            name="shippedAt"
            defaultNow
            invalid={Boolean(fieldErrors.shippedAt)}
          />
          <FieldError errors={fieldErrors.shippedAt} />
          <Button type="submit" variant="secondary" disabled={pending}>
            Mark shipped
          </Button>
        </>
      )}
    </ActionForm>
  );
}
