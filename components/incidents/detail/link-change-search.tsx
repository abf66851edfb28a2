"use client";

import { useCallback } from "react";
import { LinkBySearchForm } from "@/components/incidents/link-by-search-form";
import { searchChangesForLinkAction } from "@/lib/actions/changes/search-changes-for-link";

/** Link any change, of any age, by number, external id or words from its title. */
export function LinkChangeSearch({ incidentId }: { incidentId: number }) {
  const search = useCallback((query: string) => searchChangesForLinkAction(query, incidentId), [incidentId]);
  return (
    <LinkBySearchForm
      fixed={{ incidentId }}
      name="changeId"
      search={search}
      formLabel="Link a change"
      findLabel="Find a change"
      placeholder="#42, pr-1234 or words from the title"
      hint="Any change: by number, external id, or title (last 180 days)."
      submitLabel="Link change"
      savedMessage="Linked. It is listed above."
      missing="Choose a change from the list first."
    />
  );
}
