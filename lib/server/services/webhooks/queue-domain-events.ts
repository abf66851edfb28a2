import "server-only";
import { approvalCompliance } from "@/lib/domain/approval-policy";
import { SEVERITY_INFO, type Severity } from "@/lib/domain/severity";
import type { Prisma } from "@/lib/generated/prisma/client";
import { appUrl } from "./app-url";
import { enqueueOutboundEvent, hasOutboundSubscribers } from "./enqueue-event";

// One call per domain event, made by the service that causes it inside its transaction.
// Each builds the payload `data` (docs/webhooks.md) only when some webhook listens.

type Tx = Prisma.TransactionClient;

export async function incidentFacts(tx: Tx, incidentId: number) {
  const incident = await tx.incident.findUniqueOrThrow({
    where: { id: incidentId },
    select: {
      id: true,
      title: true,
      severity: true,
      status: true,
      impactStartedAt: true,
      blastRadiusLevel: true,
      services: { select: { service: { select: { id: true, name: true } } } },
    },
  });
  return {
    id: incident.id,
    title: incident.title,
    severity: incident.severity,
    severityLabel: SEVERITY_INFO[incident.severity].label,
    status: incident.status,
    impactStartedAt: incident.impactStartedAt.toISOString(),
    blastRadiusLevel: incident.blastRadiusLevel,
    services: incident.services.map((s) => s.service),
    url: appUrl(`/incidents/${incident.id}`),
  };
}

/** A person, or an integration acting on its own (id null, its name as the label). */
type Actor = { id: number | null; name: string };
const person = (user: Actor | null) => (user ? { id: user.id, name: user.name } : null);

/** `incident.declared`, for Sev1 and Sev2 only. */
export async function queueIncidentDeclared(
  tx: Tx,
  options: { incidentId: number; severity: Severity; declaredBy: Actor },
): Promise<void> {
  if (options.severity !== "SEV1" && options.severity !== "SEV2") return;
  if (!(await hasOutboundSubscribers(tx, "incident.declared"))) return;
  const incident = await incidentFacts(tx, options.incidentId);
  await enqueueOutboundEvent(tx, {
    event: "incident.declared",
    eventId: `incident-${options.incidentId}-declared`,
    data: { incident, declaredBy: person(options.declaredBy) },
  });
}

/** `incident.severity_raised`, only when the new severity is more severe (SEV1 < SEV2 < …). */
export async function queueSeverityRaised(
  tx: Tx,
  options: {
    incidentId: number;
    timelineEventId: number;
    from: Severity;
    to: Severity;
    reason: string;
    changedBy: Actor;
  },
): Promise<void> {
  if (!(options.to < options.from)) return;
  if (!(await hasOutboundSubscribers(tx, "incident.severity_raised"))) return;
  const incident = await incidentFacts(tx, options.incidentId);
  await enqueueOutboundEvent(tx, {
    event: "incident.severity_raised",
    eventId: `incident-${options.incidentId}-severity-${options.timelineEventId}`,
    data: {
      incident,
      from: options.from,
      to: options.to,
      reason: options.reason,
      changedBy: person(options.changedBy),
    },
  });
}

/**
 * `change.policy_violation_shipped`: call wherever a change gets (or is registered with) a
 * ship time. Queues only when approvalCompliance says VIOLATION; the event id is per change,
 * so a later re-ship of the same change is not announced twice.
 */
export async function queuePolicyViolationIfShipped(tx: Tx, changeId: number): Promise<void> {
  const { row, data } = await changeFacts(tx, changeId);
  if (approvalCompliance(row) !== "VIOLATION") return;
  if (!(await hasOutboundSubscribers(tx, "change.policy_violation_shipped"))) return;
  await enqueueOutboundEvent(tx, {
    event: "change.policy_violation_shipped",
    eventId: `change-${row.id}-violation-shipped`,
    data: { ...data, change: { ...data.change, shippedAt: row.shippedAt!.toISOString() } },
  });
}

/** A change's facts as webhook payloads carry them (docs/webhooks.md), and the row they came from. */
const CHANGE_FACTS_SELECT = {
  id: true,
  title: true,
  source: true,
  externalId: true,
  externalUrl: true,
  repository: true,
  shippedAt: true,
  version: true,
  approvalRequired: true,
  approvalState: true,
  approvalDecidedAt: true,
  authorLevel: true,
  aiInvolvement: true,
  service: { select: { id: true, name: true } },
  author: { select: { id: true, name: true } },
  aiTool: { select: { id: true, name: true } },
} satisfies Prisma.ChangeSelect;

/** The facts an event or message tells about a change, from a row read with CHANGE_FACTS_SELECT. */
function factsOf(row: Prisma.ChangeGetPayload<{ select: typeof CHANGE_FACTS_SELECT }>) {
  const data = {
    change: {
      id: row.id,
      title: row.title,
      source: row.source,
      externalId: row.externalId,
      externalUrl: row.externalUrl,
      repository: row.repository,
      shippedAt: row.shippedAt?.toISOString() ?? null,
      approvalState: row.approvalState,
      url: appUrl(`/changes/${row.id}`),
    },
    service: row.service,
    author: person(row.author),
    authorLevel: row.authorLevel,
    aiTool: row.aiTool,
    aiInvolvement: row.aiInvolvement,
  };
  return { row, data };
}

export async function changeFacts(tx: Tx, changeId: number) {
  return factsOf(await tx.change.findUniqueOrThrow({ where: { id: changeId }, select: CHANGE_FACTS_SELECT }));
}

/**
 * `change.approval_needed`: the change is waiting for approval (required, undecided, not
 * shipped). The event id carries the change's version, so asking again after a rejection or
 * a material change is a new event.
 */
export async function queueApprovalNeeded(tx: Tx, changeIds: number[]): Promise<void> {
  // One look for subscribers per call, not per change: a CI batch may bring hundreds.
  if (changeIds.length === 0 || !(await hasOutboundSubscribers(tx, "change.approval_needed"))) return;
  const rows = await tx.change.findMany({
    where: { id: { in: changeIds }, approvalState: "PENDING", shippedAt: null },
    select: CHANGE_FACTS_SELECT,
    orderBy: { id: "asc" },
  });
  for (const { row, data } of rows.map(factsOf)) {
    await enqueueOutboundEvent(tx, {
      event: "change.approval_needed",
      eventId: `change-${row.id}-approval-needed-v${row.version}`,
      data,
    });
  }
}

/**
 * `incident.mitigated` / `incident.resolved`, for Sev1 and Sev2 incidents only (the ones the
 * weekly review walks through). The event id names the timeline event, so a reopened and
 * resolved-again incident is announced again.
 */
export async function queueIncidentProgress(
  tx: Tx,
  options: {
    incidentId: number;
    timelineEventId: number;
    event: "incident.mitigated" | "incident.resolved";
    changedBy: Actor;
  },
): Promise<void> {
  if (!(await hasOutboundSubscribers(tx, options.event))) return;
  const incident = await incidentFacts(tx, options.incidentId);
  if (incident.severity !== "SEV1" && incident.severity !== "SEV2") return;
  await enqueueOutboundEvent(tx, {
    event: options.event,
    eventId: `incident-${options.incidentId}-${options.event.slice("incident.".length)}-${options.timelineEventId}`,
    data: { incident, changedBy: person(options.changedBy) },
  });
}

/** `report.published`: the week, who published it and links to the page and the frozen files. */
export async function queueReportPublished(
  tx: Tx,
  options: {
    week: string;
    publicationId: number;
    publishedBy: { id: number; name: string };
    headline: Prisma.InputJsonValue;
    /** The report's sentence of the week (the AI vs other comparison). */
    sentence?: string | null;
  },
): Promise<void> {
  if (!(await hasOutboundSubscribers(tx, "report.published"))) return;
  const file = (format: string) =>
    appUrl(`/reports/weekly/${options.week}/export?format=${format}&published=${options.publicationId}`);
  await enqueueOutboundEvent(tx, {
    event: "report.published",
    eventId: `report-${options.week}-publication-${options.publicationId}`,
    data: {
      week: options.week,
      publicationId: options.publicationId,
      publishedBy: person(options.publishedBy),
      url: appUrl(`/reports/weekly/${options.week}`),
      files: {
        pdf: file("pdf"),
        markdown: file("md"),
        incidentsCsv: file("incidents.csv"),
        changesCsv: file("changes.csv"),
      },
      headline: options.headline,
      sentence: options.sentence ?? null,
    },
  });
}
