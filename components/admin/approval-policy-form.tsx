"use client";

import { ActionForm, FieldError } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { updateApprovalPolicyAction } from "@/lib/actions/approvals/update-approval-policy";
import { AI_INVOLVEMENTS, AI_INVOLVEMENT_LABELS, LEVELS, LEVEL_LABELS, type AiInvolvement, type Level } from "@/lib/domain/change";

const chip = "flex cursor-pointer items-center gap-2 rounded-md px-3 py-2 text-sm ring-1 ring-inset ring-slate-300 has-[:checked]:bg-indigo-50 has-[:checked]:ring-indigo-500";

export function ApprovalPolicyForm({ policy }: { policy: { levelsRequiring: Level[]; approverLevels: Level[]; exemptInvolvements: AiInvolvement[] } }) {
  return (
    <ActionForm action={updateApprovalPolicyAction} label="Approval policy" className="space-y-6">
      {({ fieldErrors, pending }) => (
        <>
          <fieldset>
            <legend className="text-sm font-semibold">AI-assisted changes need approval when the author is</legend>
            <div className="mt-2 flex flex-wrap gap-2">
              {LEVELS.map((level) => (
                <label key={level} className={chip}>
                  <input type="checkbox" name="levelsRequiring" value={level} defaultChecked={policy.levelsRequiring.includes(level)} className="accent-indigo-600" />
                  {LEVEL_LABELS[level]}
                </label>
              ))}
            </div>
          </fieldset>
          <fieldset>
            <legend className="text-sm font-semibold">Who may approve</legend>
            <div className="mt-2 flex flex-wrap gap-2">
              {LEVELS.map((level) => (
                <label key={level} className={chip}>
                  <input type="checkbox" name="approverLevels" value={level} defaultChecked={policy.approverLevels.includes(level)} className="accent-indigo-600" />
                  {LEVEL_LABELS[level]} engineers
                </label>
              ))}
            </div>
            <FieldError errors={fieldErrors.approverLevels} />
            <p className="mt-2 text-xs text-slate-500">Engineering level decides, not role: a manager approves only if their level is listed. The author never approves their own change.</p>
          </fieldset>
          <fieldset>
            <legend className="text-sm font-semibold">Exempt AI involvement</legend>
            <div className="mt-2 flex flex-wrap gap-2">
              {AI_INVOLVEMENTS.map((involvement) => (
                <label key={involvement} className={chip}>
                  <input type="checkbox" name="exemptInvolvements" value={involvement} defaultChecked={policy.exemptInvolvements.includes(involvement)} className="accent-indigo-600" />
                  {AI_INVOLVEMENT_LABELS[involvement]}
                </label>
              ))}
            </div>
            <p className="mt-2 text-xs text-slate-500">Changes where the AI did only this much never need approval. Default: none.</p>
          </fieldset>
          <Button type="submit" disabled={pending}>Save as a new policy version</Button>
        </>
      )}
    </ActionForm>
  );
}
