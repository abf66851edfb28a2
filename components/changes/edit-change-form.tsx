"use client";

import { ActionForm, FieldError } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { inputClasses } from "@/components/ui/field";
import { updateChangeAction } from "@/lib/actions/changes/update-change";
import { AiAssistanceFields } from "./ai-assistance-fields";
import { CHANGE_KINDS, CHANGE_KIND_LABELS, type AiInvolvement, type ChangeKind } from "@/lib/domain/change";

type Option = { id: number; name: string };

export type EditableChange = {
  id: number;
  version: number;
  kind: ChangeKind;
  title: string;
  serviceId: number;
  repository: string | null;
  externalUrl: string | null;
  aiAssisted: boolean;
  aiToolId: number | null;
  aiInvolvement: AiInvolvement | null;
};

const labelClasses = "block text-xs font-medium text-slate-700";

/** Corrects a registered change in place; the outcome shows next to the Save button. */
export function EditChangeForm({
  change,
  services,
  aiTools,
}: {
  change: EditableChange;
  services: Array<Option & { teamName: string }>;
  aiTools: Option[];
}) {
  return (
    <ActionForm
      action={updateChangeAction}
      hidden={{ changeId: change.id, version: change.version }}
      label="Edit change"
      feedbackAtEnd
      className="space-y-3"
    >
      {({ fieldErrors, pending }) => (
        <>
          <label className={labelClasses}>
            Title
            <input
              name="title"
              defaultValue={change.title}
              maxLength={300}
              className={`${inputClasses} mt-1`}
              aria-invalid={Boolean(fieldErrors.title)}
            />
            <FieldError errors={fieldErrors.title} />
          </label>
          <div className="grid gap-3 sm:grid-cols-2">
            <label className={labelClasses}>
              Kind
              <select name="kind" defaultValue={change.kind} className={`${inputClasses} mt-1`}>
                {CHANGE_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {CHANGE_KIND_LABELS[k]}
                  </option>
                ))}
              </select>
              <FieldError errors={fieldErrors.kind} />
            </label>
            <label className={labelClasses}>
              Service
              <select
                name="serviceId"
                defaultValue={change.serviceId}
                className={`${inputClasses} mt-1`}
                aria-invalid={Boolean(fieldErrors.serviceId)}
              >
                {services.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.name} ({s.teamName})
                  </option>
                ))}
              </select>
              <FieldError errors={fieldErrors.serviceId} />
            </label>
          </div>
          <label className={labelClasses}>
            Repository
            <input
              name="repository"
              defaultValue={change.repository ?? ""}
              placeholder="org/repo"
              className={`${inputClasses} mt-1`}
            />
            <FieldError errors={fieldErrors.repository} />
          </label>
          <label className={labelClasses}>
            Link
            <input
              name="externalUrl"
              type="url"
              defaultValue={change.externalUrl ?? ""}
              placeholder="https://…"
              className={`${inputClasses} mt-1`}
              aria-invalid={Boolean(fieldErrors.externalUrl)}
            />
            <FieldError errors={fieldErrors.externalUrl} />
          </label>
          <AiAssistanceFields
            aiTools={aiTools}
            defaults={change}
            errors={fieldErrors}
            idPrefix="edit-"
            note="Changing the service or the AI facts of an unshipped change asks for approval again when the policy needs it."
          />
          <Button type="submit" variant="secondary" disabled={pending}>
            {pending ? "Saving…" : "Save change"}
          </Button>
        </>
      )}
    </ActionForm>
  );
}
