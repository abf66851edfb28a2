"use client";

import { ActionForm, FieldError } from "@/components/ui/action-form";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { CheckboxChips } from "@/components/ui/checkbox-chips";
import { inputClasses } from "@/components/ui/field";
import { Panel } from "@/components/ui/panel";
import { completeReviewAction } from "@/lib/actions/incidents/complete-review";
import { updateReviewAction } from "@/lib/actions/incidents/update-review";

type Option = { id: number; name: string };

export type ReviewValues = {
  status: "NOT_STARTED" | "IN_PROGRESS" | "COMPLETE";
  whatHappened: string;
  customerImpact: string;
  rootCause: string;
  fiveWhys: string[];
  lessons: string;
  factorIds: number[];
};

const STATUS_BADGE = {
  NOT_STARTED: <Badge tone="slate">Not started</Badge>,
  IN_PROGRESS: <Badge tone="amber">In progress</Badge>,
  COMPLETE: <Badge tone="green">Complete</Badge>,
};

function TextArea({
  name,
  label,
  value,
  errors,
  rows = 3,
  hint,
}: {
  name: string;
  label: string;
  value: string;
  errors?: string[];
  rows?: number;
  hint?: string;
}) {
  return (
    <label className="block text-sm font-medium text-slate-800">
      {label}
      {hint ? <span className="ml-1 text-xs font-normal text-slate-500">{hint}</span> : null}
      <textarea
        name={name}
        rows={rows}
        defaultValue={value}
        className={`${inputClasses} mt-1 font-normal`}
        aria-invalid={Boolean(errors)}
      />
      <FieldError errors={errors} />
    </label>
  );
}

/** Correction-of-Error review: saved as a draft any time, completed once every required part is written. */
export function ReviewPanel(props: {
  incidentId: number;
  version: number;
  review: ReviewValues;
  factors: Option[];
  canWrite: boolean;
}) {
  const { incidentId, version, review } = props;
  return (
    <Panel title="Post-incident review" id="review" actions={STATUS_BADGE[review.status]}>
      <ActionForm
        action={updateReviewAction}
        hidden={{ incidentId, version }}
        label="Post-incident review"
        feedbackAtEnd
        savedMessage="Review draft saved."
        className="space-y-4"
      >
        {({ fieldErrors, pending }) => (
          <fieldset disabled={!props.canWrite} className="space-y-4">
            <TextArea
              name="whatHappened"
              label="What happened"
              value={review.whatHappened}
              errors={fieldErrors.whatHappened}
              rows={4}
            />
            <TextArea
              name="customerImpact"
              label="Customer impact"
              value={review.customerImpact}
              errors={fieldErrors.customerImpact}
            />
            <TextArea name="rootCause" label="Root cause" value={review.rootCause} errors={fieldErrors.rootCause} />
            <fieldset>
              <legend className="text-sm font-medium text-slate-800">
                Five whys <span className="text-xs font-normal text-slate-500">at least three</span>
              </legend>
              <ol className="mt-1 space-y-1.5">
                {[0, 1, 2, 3, 4].map((i) => (
                  <li key={i} className="flex items-center gap-2">
                    <span className="w-12 shrink-0 text-xs text-slate-500">Why {i + 1}?</span>
                    <input
                      name="fiveWhys"
                      aria-label={`Why ${i + 1}`}
                      defaultValue={review.fiveWhys[i] ?? ""}
                      className={inputClasses}
                    />
                  </li>
                ))}
              </ol>
              <FieldError errors={fieldErrors.fiveWhys} />
            </fieldset>
            <TextArea name="lessons" label="Lessons learned" value={review.lessons} errors={fieldErrors.lessons} />
            <CheckboxChips
              legend="Contributing factors"
              name="factorIds"
              options={props.factors}
              selected={review.factorIds}
              legendClassName="text-sm font-medium text-slate-800"
            />
            {props.canWrite ? (
              <Button type="submit" variant="secondary" disabled={pending}>
                Save review draft
              </Button>
            ) : null}
          </fieldset>
        )}
      </ActionForm>
      {props.canWrite && review.status !== "COMPLETE" ? (
        <ActionForm
          action={completeReviewAction}
          hidden={{ incidentId, version }}
          label="Complete the review"
          className="mt-4 space-y-2 border-t border-slate-100 pt-4"
        >
          {({ pending }) => (
            <div className="flex flex-wrap items-center gap-3">
              <Button type="submit" disabled={pending}>
                Mark review complete
              </Button>
              <span className="text-xs text-slate-500">
                Needs a resolved incident, what happened, customer impact, root cause, three whys and lessons. Save the
                draft first.
              </span>
            </div>
          )}
        </ActionForm>
      ) : null}
    </Panel>
  );
}
