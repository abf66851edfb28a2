"use client";

import { ActionForm, FieldError } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { inputClasses } from "@/components/ui/field";
import { removeDemoDataAction } from "@/lib/actions/demo/remove-demo-data";

/**
 * What is left of the demo organisation, and its removal after a typed confirmation. Always
 * rendered (with or without demo data), so the removal's message survives the page's refresh.
 */
export function RemoveDemoDataForm({ summary, hasDemo }: { summary: string; hasDemo: boolean }) {
  return (
    <ActionForm action={removeDemoDataAction} label="Remove demo data" className="space-y-3">
      {({ fieldErrors, pending }) => (
        <>
          <p className="text-sm text-slate-600">{summary}</p>
          {hasDemo ? (
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
          ) : null}
        </>
      )}
    </ActionForm>
  );
}
