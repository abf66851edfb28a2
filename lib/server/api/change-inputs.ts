import "server-only";
import type { ApiChange, ApiChangeInput } from "@/lib/schemas/api/changes";
import type { ExternalChangeInput, IngestedChange } from "@/lib/server/services/changes/ingest-changes";

/**
 * An API change payload as the ingestion takes it: names stay names (the service resolves
 * every reference once, with the policy and the row locks, in one statement).
 */
export function toExternalChange(input: ApiChangeInput): ExternalChangeInput {
  const date = (value: string | null | undefined) => (value ? new Date(value) : value === null ? null : undefined);
  return {
    source: input.source,
    externalId: input.externalId,
    kind: input.kind,
    title: input.title,
    service: input.service,
    description: input.description,
    externalUrl: input.externalUrl,
    repository: input.repository,
    author: input.author,
    aiAssisted: input.aiAssisted,
    aiTool: input.aiTool,
    aiInvolvement: input.aiInvolvement,
    shippedAt: date(input.shippedAt),
    rolledBackAt: date(input.rolledBackAt),
  };
}

/** The API's Change resource, from what the write returned (no read after the write). */
export function ingestedToApiChange(row: IngestedChange, origin: string): ApiChange {
  return {
    id: row.id,
    url: `${origin}/changes/${row.id}`,
    source: row.source,
    externalId: row.externalId,
    externalUrl: row.externalUrl,
    kind: row.kind,
    title: row.title,
    description: row.description,
    service: row.service,
    repository: row.repository,
    author: row.author,
    authorLevel: row.authorLevel,
    aiAssisted: row.aiAssisted,
    aiTool: row.aiTool,
    aiInvolvement: row.aiInvolvement,
    aiDetectedBy: row.aiDetectedBy,
    shippedAt: row.shippedAt?.toISOString() ?? null,
    rolledBackAt: row.rolledBackAt?.toISOString() ?? null,
    failed: row.failed,
    approval: {
      required: row.approvalRequired,
      state: row.approvalState,
      decidedAt: row.approvalDecidedAt?.toISOString() ?? null,
      compliance: row.compliance,
    },
    incidents: row.incidents.map((link) => ({
      id: link.incidentId,
      url: `${origin}/incidents/${link.incidentId}`,
      role: link.role as ApiChange["incidents"][number]["role"],
    })),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
