"use client";

import { ActionForm, FieldError } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { inputClasses } from "@/components/ui/field";
import { Panel } from "@/components/ui/panel";
import { addTimelineNoteAction } from "@/lib/actions/incidents/add-timeline-note";
import { formatDateTime } from "@/lib/domain/format";

type TimelineEvent = { id: number; kind: string; occurredAt: Date; body: string; author: { name: string } | null };

const KIND_DOT: Record<string, string> = {
  DECLARED: "bg-red-500",
  STATUS_CHANGED: "bg-sky-500",
  SEVERITY_CHANGED: "bg-orange-500",
  CHANGE_LINKED: "bg-violet-500",
  CHANGE_LINK_UPDATED: "bg-violet-500",
  CHANGE_UNLINKED: "bg-violet-300",
  NOTE: "bg-slate-400",
};

export function TimelinePanel({
  incidentId,
  events,
  timeZone,
  canWrite,
}: {
  incidentId: number;
  events: TimelineEvent[];
  timeZone: string;
  canWrite: boolean;
}) {
  return (
    <Panel title="Timeline" id="timeline">
      <ol className="relative space-y-4 border-l border-slate-200 pl-5">
        {events.map((event) => (
          <li key={event.id} className="relative text-sm">
            <span
              aria-hidden
              className={`absolute -left-[26px] top-1.5 size-2.5 rounded-full ring-4 ring-white ${KIND_DOT[event.kind] ?? "bg-slate-300"}`}
            />
            <div className="flex flex-wrap items-baseline gap-x-2">
              <span className="font-medium text-slate-900">{event.author?.name ?? "Faultline"}</span>
              <time className="text-xs text-slate-500" dateTime={new Date(event.occurredAt).toISOString()}>
                {formatDateTime(new Date(event.occurredAt), timeZone)}
              </time>
            </div>
            <p className="mt-0.5 whitespace-pre-line text-slate-700">
              {event.body || event.kind.toLowerCase().replaceAll("_", " ")}
            </p>
          </li>
        ))}
      </ol>
      {canWrite ? (
        <ActionForm
          action={addTimelineNoteAction}
          hidden={{ incidentId }}
          resetOnSuccess
          label="Add a note"
          className="mt-5 space-y-2 border-t border-slate-100 pt-4"
        >
          {({ fieldErrors, pending }) => (
            <>
              <label htmlFor="note-body" className="sr-only">
                Note
              </label>
              <textarea
                id="note-body"
                name="body"
                rows={2}
                placeholder="What do responders need to know?"
                className={inputClasses}
                aria-invalid={Boolean(fieldErrors.body)}
              />
              <FieldError errors={fieldErrors.body} />
              <Button type="submit" variant="secondary" disabled={pending}>
                Add note
              </Button>
            </>
          )}
        </ActionForm>
      ) : null}
    </Panel>
  );
}
