"use client";

import { ActionForm } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { markNotificationsReadAction } from "@/lib/actions/notifications/mark-notifications-read";

export function MarkAllReadButton() {
  return (
    <ActionForm action={markNotificationsReadAction} label="Mark all notifications read">
      {({ pending }) => (
        <Button type="submit" variant="secondary" disabled={pending}>
          Mark all read
        </Button>
      )}
    </ActionForm>
  );
}
