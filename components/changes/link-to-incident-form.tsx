"use client";

import { LinkBySearchForm } from "@/components/incidents/link-by-search-form";
import { searchIncidentsForLinkAction } from "@/lib/actions/incidents/search-incidents-for-link";

/** From a change: link it to an incident found by INC number or title. */
export function LinkToIncidentForm({ changeId }: { changeId: number }) {
  return (
    <LinkBySearchForm
      fixed={{ changeId }}
      name="incidentId"
      search={searchIncidentsForLinkAction}
      formLabel="Link to incident"
      findLabel="Find an incident"
      placeholder="INC-42 or words from the title"
      hint="By number, or title (impact in the last 180 days)."
      submitLabel="Link to incident"
      savedMessage="Linked. The incident is listed above."
      missing="Choose an incident from the list first."
    />
  );
}
