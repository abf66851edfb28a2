import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { IncidentFilters } from "@/lib/schemas/incident-filters";
import type { ApiIncident, ApiIncidentDetail } from "@/lib/schemas/api/incidents";
import { getDb } from "@/lib/server/db";
import { getIncidentOutcomes, type IncidentOutcome } from "@/lib/server/queries/outcomes/get-outcomes";
import { incidentWhere, type IncidentCursor } from "./list-incidents";

// Read model of the REST API's Incident resource.

const SELECT = {
  id: true,
  title: true,
  summary: true,
  severity: true,
  status: true,
  blastRadiusLevel: true,
  impactStartedAt: true,
  detectedAt: true,
  mitigatedAt: true,
  resolvedAt: true,
  source: true,
  externalKey: true,
  version: true,
  createdAt: true,
  updatedAt: true,
  commander: { select: { email: true, name: true } },
  services: { select: { service: { select: { slug: true, name: true } } } },
  changes: {
    orderBy: { createdAt: "asc" },
    select: {
      role: true,
      change: { select: { id: true, title: true, source: true, externalId: true, aiAssisted: true } },
    },
  },
} as const satisfies Prisma.IncidentSelect;
type Row = Prisma.IncidentGetPayload<{ select: typeof SELECT }>;

const iso = (date: Date | null) => date?.toISOString() ?? null;

function toApiIncident(row: Row, outcome: IncidentOutcome | undefined, origin: string): ApiIncident {
  if (!outcome) throw new Error(`No outcome for incident ${row.id}`);
  const { services, changes: _changes, ...rest } = row;
  return {
    ...rest,
    url: `${origin}/incidents/${row.id}`,
    impactStartedAt: row.impactStartedAt.toISOString(),
    detectedAt: iso(row.detectedAt),
    mitigatedAt: iso(row.mitigatedAt),
    resolvedAt: iso(row.resolvedAt),
    durationMinutes: Math.floor(((row.resolvedAt?.getTime() ?? Date.now()) - row.impactStartedAt.getTime()) / 60_000),
    aiLinked: outcome.aiLinked,
    services: services.map((s) => s.service).sort((a, b) => a.slug.localeCompare(b.slug)),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** `client`: a transaction's client when the answer must be read inside it (idempotent POSTs). */
export async function getApiIncident(
  id: number,
  origin: string,
  client?: Prisma.TransactionClient,
): Promise<ApiIncidentDetail | null> {
  const row = await (client ?? getDb()).incident.findUnique({
    where: { id },
    select: {
      ...SELECT,
      timeline: {
        orderBy: [{ occurredAt: "asc" }, { id: "asc" }],
        select: { id: true, kind: true, occurredAt: true, body: true, author: { select: { name: true } } },
      },
    },
  });
  if (!row) return null;
  const { timeline, ...base } = row;
  return {
    ...toApiIncident(base, (await getIncidentOutcomes([row.id], client)).get(row.id), origin),
    changes: row.changes.map((link) => ({
      role: link.role,
      change: { ...link.change, url: `${origin}/changes/${link.change.id}` },
    })),
    timeline: timeline.map((event) => ({
      id: event.id,
      kind: event.kind,
      occurredAt: event.occurredAt.toISOString(),
      body: event.body,
      author: event.author?.name ?? null,
    })),
  };
}

/** Newest impact first, keyset-paginated on (impactStartedAt, id); the UI's filters. */
export async function listApiIncidents(options: {
  filters: IncidentFilters;
  timeZone: string;
  after?: IncidentCursor;
  limit: number;
  origin: string;
}) {
  const where = incidentWhere(options.filters, options.timeZone);
  const { after } = options;
  if (after) {
    (where.AND as Prisma.IncidentWhereInput[]).push({
      OR: [
        { impactStartedAt: { lt: after.impactStartedAt } },
        { impactStartedAt: after.impactStartedAt, id: { lt: after.id } },
      ],
    });
  }
  const rows = await getDb().incident.findMany({
    where,
    orderBy: [{ impactStartedAt: "desc" }, { id: "desc" }],
    take: options.limit + 1,
    select: SELECT,
  });
  const page = rows.slice(0, options.limit);
  const outcomes = await getIncidentOutcomes(page.map((row) => row.id));
  const last = page.at(-1);
  return {
    data: page.map((row) => toApiIncident(row, outcomes.get(row.id), options.origin)),
    nextCursor: rows.length > options.limit && last ? `${last.impactStartedAt.getTime()}_${last.id}` : null,
  };
}

export async function getTimelineEvent(id: number, client?: Prisma.TransactionClient) {
  const event = await (client ?? getDb()).timelineEvent.findUnique({
    where: { id },
    select: { id: true, kind: true, occurredAt: true, body: true, author: { select: { name: true } } },
  });
  return event
    ? {
        id: event.id,
        kind: event.kind,
        occurredAt: event.occurredAt.toISOString(),
        body: event.body,
        author: event.author?.name ?? null,
      }
    : null;
}
