import "server-only";
import { getDb } from "@/lib/server/db";
import type { BlastRadiusLevel, IncidentStatus, Severity } from "@/lib/generated/prisma/enums";

export type IncidentListRow = {
  id: number;
  title: string;
  severity: Severity;
  status: IncidentStatus;
  blastRadiusLevel: BlastRadiusLevel;
  impactStartedAt: Date;
  resolvedAt: Date | null;
  /** Time to resolve; for open incidents, up to now. */
  durationMs: number;
  services: string[];
};

export type IncidentCursor = { impactStartedAt: Date; id: number };

/** Newest impact first, keyset-paginated on (impactStartedAt, id) so deep pages stay fast. */
export async function listIncidents(options: { after?: IncidentCursor; limit?: number } = {}) {
  const limit = Math.min(Math.max(options.limit ?? 50, 1), 200);
  const after = options.after;
  const rows = await getDb().incident.findMany({
    where: after
      ? {
          OR: [
            { impactStartedAt: { lt: after.impactStartedAt } },
            { impactStartedAt: after.impactStartedAt, id: { lt: after.id } },
          ],
        }
      : undefined,
    orderBy: [{ impactStartedAt: "desc" }, { id: "desc" }],
    take: limit + 1,
    select: {
      id: true,
      title: true,
      severity: true,
      status: true,
      blastRadiusLevel: true,
      impactStartedAt: true,
      resolvedAt: true,
      services: { select: { service: { select: { name: true } } } },
    },
  });
  const now = Date.now();
  const page = rows.slice(0, limit).map<IncidentListRow>(({ services, ...row }) => ({
    ...row,
    durationMs: (row.resolvedAt?.getTime() ?? now) - row.impactStartedAt.getTime(),
    services: services.map((s) => s.service.name).sort(),
  }));
  const last = page.at(-1);
  const next = rows.length > limit && last ? { impactStartedAt: last.impactStartedAt, id: last.id } : null;
  return { rows: page, next };
}

export function encodeCursor(cursor: IncidentCursor): string {
  return `${cursor.impactStartedAt.getTime()}_${cursor.id}`;
}

export function decodeCursor(value: string | undefined): IncidentCursor | undefined {
  const match = value ? /^(\d{1,15})_(\d{1,10})$/.exec(value) : null;
  return match ? { impactStartedAt: new Date(Number(match[1])), id: Number(match[2]) } : undefined;
}
