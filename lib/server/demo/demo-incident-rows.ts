// Column buffers for one chunk of demo incidents and everything hanging off them, and the
// bulk inserts that write a chunk: one `INSERT … SELECT FROM unnest(…)` per table.
import type { Db } from "@/lib/server/db/connection";
import type { DemoPerson } from "./demo-organisation";

export type IncidentChunk = ReturnType<typeof newIncidentChunk>;

export function newIncidentChunk() {
  return {
    incident: {
      id: [] as number[],
      title: [] as string[],
      summary: [] as string[],
      severity: [] as string[],
      status: [] as string[],
      impactStartedAt: [] as Date[],
      detectedAt: [] as Date[],
      mitigatedAt: [] as (Date | null)[],
      resolvedAt: [] as (Date | null)[],
      commanderId: [] as number[],
      declaredById: [] as number[],
      customerImpactPct: [] as (number | null)[],
      failedTransactions: [] as (number | null)[],
      blastRadiusLevel: [] as string[],
      reviewStatus: [] as string[],
      whatHappened: [] as string[],
      customerImpact: [] as string[],
      rootCause: [] as string[],
      fiveWhys: [] as string[],
      lessons: [] as string[],
      reviewCompletedAt: [] as (Date | null)[],
      source: [] as (string | null)[],
      externalKey: [] as (string | null)[],
      createdAt: [] as Date[],
      updatedAt: [] as Date[],
    },
    service: { incidentId: [] as number[], id: [] as number[] },
    capability: { incidentId: [] as number[], id: [] as number[] },
    region: { incidentId: [] as number[], id: [] as number[] },
    factor: { incidentId: [] as number[], id: [] as number[] },
    link: {
      incidentId: [] as number[],
      changeId: [] as number[],
      role: [] as string[],
      linkedById: [] as number[],
      createdAt: [] as Date[],
    },
    event: {
      id: [] as number[],
      incidentId: [] as number[],
      kind: [] as string[],
      occurredAt: [] as Date[],
      authorId: [] as number[],
      body: [] as string[],
      data: [] as (string | null)[],
    },
    action: {
      id: [] as number[],
      incidentId: [] as number[],
      title: [] as string[],
      ownerId: [] as number[],
      dueDate: [] as string[],
      completedAt: [] as (Date | null)[],
      createdAt: [] as Date[],
    },
    /** Changes rolled back to mitigate an incident: change id → earliest rollback time. */
    rollbacks: new Map<number, number>(),
  };
}

/** Appends one incident's timeline events to a chunk. */
export class EventWriter {
  last = 0;
  constructor(
    private readonly chunk: IncidentChunk,
    private readonly ids: { event: number },
    private readonly incidentId: number,
  ) {}

  add(kind: string, at: number, author: DemoPerson, body: string, data?: Record<string, unknown>) {
    const e = this.chunk.event;
    e.id.push(this.ids.event++);
    e.incidentId.push(this.incidentId);
    e.kind.push(kind);
    e.occurredAt.push(new Date(at));
    e.authorId.push(author.id);
    e.body.push(body);
    e.data.push(data ? JSON.stringify(data) : null);
    this.last = Math.max(this.last, at);
  }
}

/** Separates the five whys inside one text value; unnest cannot carry an array per row. */
export const WHY_SEPARATOR = "\u001f";

export async function insertIncidentChunk(db: Db, c: IncidentChunk): Promise<void> {
  const i = c.incident;
  if (i.id.length === 0) return;
  await db.$executeRaw`
    INSERT INTO "Incident" ("id", "title", "summary", "severity", "status", "impactStartedAt", "detectedAt", "mitigatedAt", "resolvedAt",
      "commanderId", "declaredById", "customerImpactPct", "failedTransactions", "blastRadiusLevel", "reviewStatus", "reviewWhatHappened",
      "reviewCustomerImpact", "reviewRootCause", "reviewFiveWhys", "reviewLessons", "reviewCompletedAt", "source", "externalKey",
      "createdAt", "updatedAt", "demo")
    SELECT u.id, u.title, u.summary, u.severity::"Severity", u.status::"IncidentStatus", u.impact_started_at, u.detected_at, u.mitigated_at,
      u.resolved_at, u.commander_id, u.declared_by_id, u.pct, u.failed, u.level::"BlastRadiusLevel", u.review_status::"ReviewStatus",
      u.what_happened, u.customer_impact, u.root_cause, string_to_array(u.five_whys, chr(31)), u.lessons, u.review_completed_at,
      u.source, u.external_key, u.created_at, u.updated_at, true
    FROM unnest(${i.id}::int[], ${i.title}::text[], ${i.summary}::text[], ${i.severity}::text[], ${i.status}::text[],
      ${i.impactStartedAt}::timestamptz[], ${i.detectedAt}::timestamptz[], ${i.mitigatedAt}::timestamptz[], ${i.resolvedAt}::timestamptz[],
      ${i.commanderId}::int[], ${i.declaredById}::int[], ${i.customerImpactPct}::numeric[], ${i.failedTransactions}::int[],
      ${i.blastRadiusLevel}::text[], ${i.reviewStatus}::text[], ${i.whatHappened}::text[], ${i.customerImpact}::text[],
      ${i.rootCause}::text[], ${i.fiveWhys}::text[], ${i.lessons}::text[], ${i.reviewCompletedAt}::timestamptz[],
      ${i.source}::text[], ${i.externalKey}::text[], ${i.createdAt}::timestamptz[], ${i.updatedAt}::timestamptz[])
      AS u(id, title, summary, severity, status, impact_started_at, detected_at, mitigated_at, resolved_at, commander_id, declared_by_id,
        pct, failed, level, review_status, what_happened, customer_impact, root_cause, five_whys, lessons, review_completed_at,
        source, external_key, created_at, updated_at)`;

  await db.$executeRaw`INSERT INTO "IncidentService" ("incidentId", "serviceId") SELECT * FROM unnest(${c.service.incidentId}::int[], ${c.service.id}::int[])`;
  if (c.capability.id.length > 0) {
    await db.$executeRaw`INSERT INTO "IncidentCapability" ("incidentId", "capabilityId") SELECT * FROM unnest(${c.capability.incidentId}::int[], ${c.capability.id}::int[])`;
  }
  if (c.region.id.length > 0) {
    await db.$executeRaw`INSERT INTO "IncidentRegion" ("incidentId", "regionId") SELECT * FROM unnest(${c.region.incidentId}::int[], ${c.region.id}::int[])`;
  }
  if (c.factor.id.length > 0) {
    await db.$executeRaw`INSERT INTO "IncidentContributingFactor" ("incidentId", "factorId") SELECT * FROM unnest(${c.factor.incidentId}::int[], ${c.factor.id}::int[])`;
  }
  const l = c.link;
  if (l.changeId.length > 0) {
    await db.$executeRaw`
      INSERT INTO "IncidentChange" ("incidentId", "changeId", "role", "linkedById", "createdAt")
      SELECT u.incident_id, u.change_id, u.role::"LinkRole", u.linked_by_id, u.created_at
      FROM unnest(${l.incidentId}::int[], ${l.changeId}::int[], ${l.role}::text[], ${l.linkedById}::int[], ${l.createdAt}::timestamptz[])
        AS u(incident_id, change_id, role, linked_by_id, created_at)`;
  }
  const e = c.event;
  if (e.id.length > 0) {
    await db.$executeRaw`
      INSERT INTO "TimelineEvent" ("id", "incidentId", "kind", "occurredAt", "authorId", "body", "data")
      SELECT u.id, u.incident_id, u.kind::"TimelineEventKind", u.occurred_at, u.author_id, u.body, u.data::jsonb
      FROM unnest(${e.id}::int[], ${e.incidentId}::int[], ${e.kind}::text[], ${e.occurredAt}::timestamptz[], ${e.authorId}::int[],
        ${e.body}::text[], ${e.data}::text[]) AS u(id, incident_id, kind, occurred_at, author_id, body, data)`;
  }
  const a = c.action;
  if (a.id.length > 0) {
    await db.$executeRaw`
      INSERT INTO "ActionItem" ("id", "incidentId", "title", "ownerId", "dueDate", "completedAt", "createdAt")
      SELECT u.id, u.incident_id, u.title, u.owner_id, u.due_date::date, u.completed_at, u.created_at
      FROM unnest(${a.id}::int[], ${a.incidentId}::int[], ${a.title}::text[], ${a.ownerId}::int[], ${a.dueDate}::text[],
        ${a.completedAt}::timestamptz[], ${a.createdAt}::timestamptz[]) AS u(id, incident_id, title, owner_id, due_date, completed_at, created_at)`;
  }
  if (c.rollbacks.size > 0) {
    const ids = [...c.rollbacks.keys()];
    const times = ids.map((id) => new Date(c.rollbacks.get(id)!));
    // The trigger was rolled back to mitigate the incident (unless it already had been, earlier).
    await db.$executeRaw`
      UPDATE "Change" AS c SET "rolledBackAt" = LEAST(COALESCE(c."rolledBackAt", v.at), v.at), "updatedAt" = GREATEST(c."updatedAt", v.at)
      FROM unnest(${ids}::int[], ${times}::timestamptz[]) AS v(id, at) WHERE c.id = v.id`;
  }
}
