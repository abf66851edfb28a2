"use client";

import { ActionForm, FieldError } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { CheckboxChips } from "@/components/ui/checkbox-chips";
import { updateApprovalPolicyAction } from "@/lib/actions/approvals/update-approval-policy";
import {
  AI_INVOLVEMENTS,
  AI_INVOLVEMENT_LABELS,
  LEVELS,
  LEVEL_LABELS,
  type AiInvolvement,
  type Level,
} from "@/lib/domain/change";

const legendClass = "text-sm font-semibold";

export function ApprovalPolicyForm({
  policy,
}: {
  policy: {
    levelsRequiring: Level[];
    approverLevels: Level[];
    exemptInvolvements: AiInvolvement[];
    dismissStaleApprovals: boolean;
    aiShareThreshold?: number;
  };
}) {
  return (
    <ActionForm action={updateApprovalPolicyAction} label="Approval policy" className="space-y-6">
      {({ fieldErrors, pending }) => (
        <>
          <CheckboxChips
            legend="AI-assisted changes need approval when the author is"
            name="levelsRequiring"
            options={LEVELS.map((l) => ({ id: l, name: LEVEL_LABELS[l] }))}
            selected={policy.levelsRequiring}
            size="md"
            legendClassName={legendClass}
          />
          <div>
            <CheckboxChips
              legend="Who may approve"
              name="approverLevels"
              options={LEVELS.map((l) => ({ id: l, name: `${LEVEL_LABELS[l]} engineers` }))}
              selected={policy.approverLevels}
              size="md"
              legendClassName={legendClass}
            />
            <FieldError errors={fieldErrors.approverLevels} />
            <p className="mt-2 text-xs text-slate-500">
              Engineering level decides, not role: a manager approves only if their level is listed. The author never
              approves their own change.
            </p>
          </div>
          <div>
            <CheckboxChips
              legend="Exempt AI involvement"
              name="exemptInvolvements"
              options={AI_INVOLVEMENTS.map((i) => ({ id: i, name: AI_INVOLVEMENT_LABELS[i] }))}
              selected={policy.exemptInvolvements}
              size="md"
              legendClassName={legendClass}
            />
            <p className="mt-2 text-xs text-slate-500">
              Changes where the AI did only this much never need approval. Default: none.
            </p>
          </div>
          <div>
            <label htmlFor="dismissStaleApprovals" className={legendClass}>
              Dismiss approvals when the change changes
            </label>
            <select
              id="dismissStaleApprovals"
              name="dismissStaleApprovals"
              defaultValue={policy.dismissStaleApprovals ? "yes" : "no"}
              className="mt-2 block w-full max-w-full rounded-md px-3 py-2 text-sm ring-1 ring-inset ring-slate-300 sm:w-auto"
            >
              <option value="yes">Yes: a new commit, author, service or AI fact voids the approval (default)</option>
              <option value="no">No: an approval stands until the change ships</option>
            </select>
            <p className="mt-2 text-xs text-slate-500">
              Like GitHub&apos;s &quot;dismiss stale reviews&quot;. A dismissed change is waiting for approval again;
              its author and approver are told.
            </p>
          </div>
          <div>
            <label htmlFor="aiSharePercent" className={legendClass}>
              AI share that makes a change AI-assisted (%)
            </label>
            <input
              id="aiSharePercent"
              name="aiSharePercent"
              type="number"
              min={0}
              max={100}
              step={1}
              defaultValue={Math.round((policy.aiShareThreshold ?? 0.2) * 100)}
              className="mt-1 block w-24 rounded-md border border-slate-300 px-2 py-1 text-sm"
            />
            <FieldError errors={fieldErrors.aiSharePercent} />
            <p className="mt-2 text-xs text-slate-500">
              Attribution evidence (git-ai, Agent Trace, Entire) above this share makes a change AI-assisted whatever
              was declared; the disagreement is flagged on the change. Default: 20 %.
            </p>
          </div>
          <Button type="submit" disabled={pending}>
            Save as a new policy version
          </Button>
        </>
      )}
    </ActionForm>
  );
}
