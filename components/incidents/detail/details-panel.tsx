"use client";

import { ActionForm, FieldError } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { inputClasses } from "@/components/ui/field";
import { updateIncidentDetailsAction } from "@/lib/actions/incidents/update-incident-details";

type Person = { id: number; name: string };

/** Title, summary and commander, edited together under the incident's version. */
export function DetailsForm(props: {
  incidentId: number;
  version: number;
  title: string;
  summary: string;
  commanderId: number | null;
  people: Person[];
}) {
  return (
    <ActionForm
      action={updateIncidentDetailsAction}
      hidden={{ incidentId: props.incidentId, version: props.version }}
      label="Incident details"
      feedbackAtEnd
      savedMessage="Details saved."
      className="space-y-3"
    >
      {({ fieldErrors, pending }) => (
        <>
          <label className="block text-xs font-medium text-slate-700">
            Title
            <input
              name="title"
              defaultValue={props.title}
              className={`${inputClasses} mt-1`}
              aria-invalid={Boolean(fieldErrors.title)}
            />
            <FieldError errors={fieldErrors.title} />
          </label>
          <label className="block text-xs font-medium text-slate-700">
            Summary
            <textarea
              name="summary"
              rows={3}
              defaultValue={props.summary}
              placeholder="What is happening, for whom, and what responders are doing."
              className={`${inputClasses} mt-1`}
            />
            <FieldError errors={fieldErrors.summary} />
          </label>
          <label className="block text-xs font-medium text-slate-700">
            Commander
            <select name="commanderId" defaultValue={props.commanderId ?? ""} className={`${inputClasses} mt-1`}>
              <option value="">Unassigned</option>
              {props.people.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
            <FieldError errors={fieldErrors.commanderId} />
          </label>
          <Button type="submit" variant="secondary" disabled={pending}>
            Save details
          </Button>
        </>
      )}
    </ActionForm>
  );
}
