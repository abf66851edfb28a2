import { dayString, firstParam, type RawSearchParams } from "./search-params";

/**
 * The audit log's URL filters. `actor` is "u<id>" for a person or "l:<label>" for an API token
 * or integration (AuditLog.actorLabel). Days are calendar days in the organisation's time zone,
 * both ends included.
 */
export type AuditFilters = {
  actorId?: number;
  actorLabel?: string;
  entityType?: string;
  entityId?: string;
  action?: string;
  from?: string;
  to?: string;
};

const TOKEN = /^[A-Za-z0-9_.:-]{1,100}$/;

export function parseAuditFilters(params: RawSearchParams): AuditFilters {
  const actor = firstParam(params.actor);
  const entityType = firstParam(params.entityType);
  const action = firstParam(params.action);
  const entityId = firstParam(params.entityId);
  return {
    actorId: actor && /^u\d{1,9}$/.test(actor) ? Number(actor.slice(1)) : undefined,
    actorLabel: actor?.startsWith("l:") && actor.length > 2 ? actor.slice(2, 202) : undefined,
    entityType: entityType && TOKEN.test(entityType) ? entityType : undefined,
    entityId: entityId ? entityId.slice(0, 100) : undefined,
    action: action && TOKEN.test(action) ? action : undefined,
    from: dayString(params.from),
    to: dayString(params.to),
  };
}

export function auditFiltersToParams(filters: AuditFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.actorId) params.set("actor", `u${filters.actorId}`);
  else if (filters.actorLabel) params.set("actor", `l:${filters.actorLabel}`);
  if (filters.entityType) params.set("entityType", filters.entityType);
  if (filters.entityId) params.set("entityId", filters.entityId);
  if (filters.action) params.set("action", filters.action);
  if (filters.from) params.set("from", filters.from);
  if (filters.to) params.set("to", filters.to);
  return params;
}

/** Keyset cursor "<ISO time>_<id>" of the last row shown. */
export function parseAuditCursor(raw: string | string[] | undefined): { at: Date; id: number } | undefined {
  const value = firstParam(raw);
  const match = value ? /^(\d{4}-\d{2}-\d{2}T[\d:.]+Z)_(\d{1,12})$/.exec(value) : null;
  if (!match) return undefined;
  const at = new Date(match[1]);
  return Number.isNaN(at.getTime()) ? undefined : { at, id: Number(match[2]) };
}
