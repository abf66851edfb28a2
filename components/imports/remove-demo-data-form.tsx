"use client";

import { ActionForm, FieldError } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { inputClasses } from "@/components/ui/field";
import { removeDemoDataAction } from "@/lib/actions/demo/remove-demo-data";

/** Deletes the demo organisation after a typed confirmation. */
export function RemoveDemoDataForm() {
  return (
    <ActionForm action={removeDemoDataAction} label="Remove demo data" className="space-y-3">
      {({ fieldErrors, pending }) => (
        <>
          <label className="block text-sm font-medium">
            Type “remove demo data” to confirm
            <input name="confirm" autoComplete="off" className={`${inputClasses} mt-1`} />
          </label>
          <FieldError errors={fieldErrors.confirm} />
          <Button type="submit" variant="danger" disabled={pending}>
            Remove demo data
          </Button>
        </>
      )}
    </ActionForm>
  );
}
