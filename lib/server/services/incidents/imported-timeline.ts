import "server-only";
import { SEVERITY_INFO, type Severity } from "@/lib/domain/severity";
import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * The timeline of an imported incident, at the imported times (not "now"): declared when it
 * was detected, mitigated, resolved, review completed. Marked `imported` in their data, so a
 * corrected import replaces them and leaves notes written since untouched.
 */
export function importedTimeline(facts: {
  source: string;
  personId: number | null;
  severity: Severity;
  detectedAt: Date;
  mitigatedAt: Date | null;
  resolvedAt: Date | null;
  reviewCompletedAt: Date | null;
}): Prisma.TimelineEventCreateWithoutIncidentInput[] {
  const author = facts.personId ? { author: { connect: { id: facts.personId } } } : {};
  const event = (
    kind: "DECLARED" | "STATUS_CHANGED" | "REVIEW_UPDATED",
    occurredAt: Date,
    body: string,
    extra: object = {},
  ) => ({
    kind,
    occurredAt,
    body,
    data: { imported: true, source: facts.source, ...extra },
    ...author,
  });
  const events = [
    event(
      "DECLARED",
      facts.detectedAt,
      `Declared as ${SEVERITY_INFO[facts.severity].label} (imported from ${facts.source})`,
    ),
  ];
  if (facts.mitigatedAt)
    events.push(event("STATUS_CHANGED", facts.mitigatedAt, "Mitigated (imported)", { to: "MONITORING" }));
  if (facts.resolvedAt)
    events.push(event("STATUS_CHANGED", facts.resolvedAt, "Resolved (imported)", { to: "RESOLVED" }));
  if (facts.reviewCompletedAt)
    events.push(
      event("REVIEW_UPDATED", facts.reviewCompletedAt, "Post-incident review completed (imported)", {
        review: "COMPLETE",
      }),
    );
  return events;
}
