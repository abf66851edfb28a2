"use client";

import { ActionForm, FieldError } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { LocalDateTimeInput } from "@/components/ui/local-date-time-input";
import { setRolledBackAction } from "@/lib/actions/changes/set-rolled-back";

export function RollbackForm({ changeId, rolledBack }: { changeId: number; rolledBack: boolean }) {
  if (rolledBack) {
    return (
      <ActionForm action={setRolledBackAction} hidden={{ changeId, rolledBackAt: "" }} label="Clear rollback">
        {({ pending }) => (
          <Button type="submit" variant="ghost" disabled={pending} className="px-2 py-1 text-xs">
            Clear rollback
          </Button>
        )}
      </ActionForm>
    );
  }
  return (
    <ActionForm action={setRolledBackAction} hidden={{ changeId }} label="Record rollback" className="space-y-2">
      {({ fieldErrors, pending }) => (
        <>
          <label htmlFor="rolledBackAtLocal" className="block text-xs font-medium text-slate-700">
            Rolled back at
          </label>
          <LocalDateTimeInput
            id="rolledBackAtLocal"
            name="rolledBackAt"
            defaultNow
            invalid={Boolean(fieldErrors.rolledBackAt)}
          />
          <FieldError errors={fieldErrors.rolledBackAt} />
          <Button type="submit" variant="secondary" disabled={pending}>
            Record rollback
          </Button>
        </>
      )}
    </ActionForm>
  );
}
