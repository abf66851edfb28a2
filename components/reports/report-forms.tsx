"use client";

import { ActionForm, FieldError } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { inputClasses } from "@/components/ui/field";
import { publishWeeklyReportAction } from "@/lib/actions/reports/publish-weekly-report";
import { saveReportNotesAction } from "@/lib/actions/reports/save-report-notes";

export function ReportNotesForm({ week, notes }: { week: string; notes: string }) {
  return (
    <ActionForm action={saveReportNotesAction} hidden={{ week }} label="Notes for the meeting" className="space-y-2">
      {({ fieldErrors, pending }) => (
        <>
          <textarea
            name="notes"
            aria-label="Notes for the meeting"
            rows={4}
            defaultValue={notes}
            placeholder="What the meeting should discuss, decisions to take, follow-ups…"
            className={inputClasses}
          />
          <FieldError errors={fieldErrors.notes} />
          <Button type="submit" variant="secondary" disabled={pending}>
            Save notes
          </Button>
        </>
      )}
    </ActionForm>
  );
}

export function PublishReportButton({ week, republish }: { week: string; republish: boolean }) {
  return (
    <ActionForm action={publishWeeklyReportAction} hidden={{ week }} label="Publish the report">
      {({ pending }) => (
        <Button type="submit" disabled={pending}>
          {republish ? "Publish again" : "Publish for the meeting"}
        </Button>
      )}
    </ActionForm>
  );
}
