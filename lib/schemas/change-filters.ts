import {
  APPROVAL_STATES,
  CHANGE_KINDS,
  LEVELS,
  type ApprovalState,
  type ChangeKind,
  type Level,
} from "@/lib/domain/change";
import { AI_SHARE_FILTERS, type AiShareFilter } from "@/lib/domain/attribution/ai-share";
import { startOfDayInZone, startOfNextDayInZone } from "@/lib/domain/time-zone";
import { dayString, enumList, firstParam, idList, type RawSearchParams } from "./search-params";

export type ChangeFilters = {
  serviceIds: number[];
  teamIds: number[];
  kinds: ChangeKind[];
  /** "yes" AI-assisted only, "no" others only, undefined both. */
  ai?: "yes" | "no";
  aiToolIds: number[];
  /** Measured AI share bands (attribution evidence); any of them matches. */
  aiShareBands?: AiShareFilter[];
  authorLevels: Level[];
  approvalStates: ApprovalState[];
  /** Shipped without a required approval. */
  violation: boolean;
  from?: string;
  to?: string;
  failed?: "yes" | "no";
  q?: string;
};

const yesNo = (raw: string | string[] | undefined) => {
  const value = firstParam(raw);
  return value === "yes" || value === "no" ? value : undefined;
};

export function parseChangeFilters(params: RawSearchParams): ChangeFilters {
  const q = firstParam(params.q)?.slice(0, 200);
  return {
    serviceIds: idList(params.service),
    teamIds: idList(params.team),
    kinds: enumList(CHANGE_KINDS, params.kind),
    ai: yesNo(params.ai),
    aiToolIds: idList(params.tool),
    aiShareBands: enumList(AI_SHARE_FILTERS, params.share),
    authorLevels: enumList(LEVELS, params.level),
    approvalStates: enumList(APPROVAL_STATES, params.approval),
    violation: firstParam(params.violation) === "1",
    from: dayString(params.from),
    to: dayString(params.to),
    failed: yesNo(params.failed),
    q: q || undefined,
  };
}

export function changeFiltersToParams(filters: Partial<ChangeFilters>): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.serviceIds?.length) params.set("service", filters.serviceIds.join(","));
  if (filters.teamIds?.length) params.set("team", filters.teamIds.join(","));
  if (filters.kinds?.length) params.set("kind", filters.kinds.join(","));
  if (filters.ai) params.set("ai", filters.ai);
  if (filters.aiToolIds?.length) params.set("tool", filters.aiToolIds.join(","));
  if (filters.aiShareBands?.length) params.set("share", filters.aiShareBands.join(","));
  if (filters.authorLevels?.length) params.set("level", filters.authorLevels.join(","));
  if (filters.approvalStates?.length) params.set("approval", filters.approvalStates.join(","));
  if (filters.violation) params.set("violation", "1");
  if (filters.from) params.set("from", filters.from);
  if (filters.to) params.set("to", filters.to);
  if (filters.failed) params.set("failed", filters.failed);
  if (filters.q) params.set("q", filters.q);
  return params;
}

export function shippedRange(filters: Pick<ChangeFilters, "from" | "to">, timeZone: string) {
  return {
    gte: filters.from ? (startOfDayInZone(filters.from, timeZone) ?? undefined) : undefined,
    lt: filters.to ? (startOfNextDayInZone(filters.to, timeZone) ?? undefined) : undefined,
  };
}
