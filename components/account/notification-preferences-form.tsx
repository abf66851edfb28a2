"use client";

import { ActionForm } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { updateNotificationPreferencesAction } from "@/lib/actions/account/update-notification-preferences";

/** Which emails the signed-in person gets; every email links back here. */
export function NotificationPreferencesForm({
  preferences,
  emailEnabled,
}: {
  preferences: { emailApprovalNeeded: boolean; emailWeeklyReport: boolean };
  emailEnabled: boolean;
}) {
  return (
    <ActionForm action={updateNotificationPreferencesAction} label="Email notifications" className="space-y-3">
      {({ pending }) => (
        <>
          {emailEnabled ? null : (
            <p className="text-sm text-slate-600">
              Email is not set up on this server yet; your choices apply once an admin sets it up.
            </p>
          )}
          <label className="flex items-start gap-2 text-sm">
            <input
              type="checkbox"
              name="emailApprovalNeeded"
              defaultChecked={preferences.emailApprovalNeeded}
              className="mt-0.5 accent-indigo-600"
            />
            <span>
              <span className="font-medium">Changes waiting for my approval</span>
              <span className="block text-xs text-slate-500">Sent when you may approve an AI-assisted change.</span>
            </span>
          </label>
          <label className="flex items-start gap-2 text-sm">
            <input
              type="checkbox"
              name="emailWeeklyReport"
              defaultChecked={preferences.emailWeeklyReport}
              className="mt-0.5 accent-indigo-600"
            />
            <span>
              <span className="font-medium">The published weekly report</span>
              <span className="block text-xs text-slate-500">
                Sent when your address is on the report&apos;s distribution list.
              </span>
            </span>
          </label>
          <Button type="submit" variant="secondary" disabled={pending}>
            Save email preferences
          </Button>
        </>
      )}
    </ActionForm>
  );
}
