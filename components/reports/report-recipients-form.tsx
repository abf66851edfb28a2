"use client";

import { ActionForm, FieldError } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { inputClasses } from "@/components/ui/field";
import { setReportRecipientsAction } from "@/lib/actions/reports/set-report-recipients";

/** The addresses the published report is emailed to, one per line. */
export function ReportRecipientsForm({
  week,
  recipients,
  emailEnabled,
}: {
  week: string;
  recipients: string[];
  emailEnabled: boolean;
}) {
  return (
    <ActionForm
      action={setReportRecipientsAction}
      hidden={{ week }}
      label="Email distribution list"
      className="space-y-2"
    >
      {({ fieldErrors, pending }) => (
        <>
          <label htmlFor="report-recipients" className="block text-sm font-medium">
            Email the published report to
          </label>
          <p className="text-xs text-slate-500">
            {emailEnabled
              ? "One address per line. Publishing sends each of them the report with the PDF attached."
              : "Email is not set up on this server (FAULTLINE_SMTP_URL): the list is kept, but nothing is sent until an admin sets it."}
          </p>
          <textarea
            id="report-recipients"
            name="recipients"
            rows={3}
            defaultValue={recipients.join("\n")}
            placeholder={"twist@example.com\nsre-leads@example.com"}
            className={`${inputClasses} font-mono`}
            aria-invalid={Boolean(fieldErrors.recipients)}
          />
          <FieldError errors={fieldErrors.recipients} />
          <Button type="submit" variant="secondary" disabled={pending}>
            Save distribution list
          </Button>
        </>
      )}
    </ActionForm>
  );
}
