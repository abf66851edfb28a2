import type { AiInvolvement, ChangeKind } from "@/lib/domain/change";

/**
 * A change reported by CI/CD (the API), GitHub or a CSV import, identified by (source,
 * externalId). References are ids or names, resolved once by the ingestion: a service by id
 * or slug; an author by id, email or GitHub login; an AI tool by id, slug, name or alias. On
 * update, a field left undefined or null keeps the stored value; kind, title and service are
 * overwritten.
 */
export type ExternalChangeInput = {
  source: string;
  externalId: string;
  kind: ChangeKind;
  title: string;
  description?: string | null;
  externalUrl?: string | null;
  repository?: string | null;
  aiAssisted?: boolean | null;
  aiInvolvement?: AiInvolvement | null;
  /** Which rule marked it AI-assisted, e.g. "label:ai-assisted". */
  aiDetectedBy?: string | null;
  shippedAt?: Date | null;
  rolledBackAt?: Date | null;
  /** Pull requests: number in `repository`, head commit (material: a new one voids an approval), closed unmerged. */
  pullRequestNumber?: number | null;
  headSha?: string | null;
  abandonedAt?: Date | null;
  /** The service: its id, or its slug (one of the two). */
  serviceId?: number;
  service?: string;
  /** The author: an id, or an email or GitHub login. */
  authorId?: number | null;
  author?: string | null;
  /** The AI tool: an id, or its slug, name or one of its aliases. */
  aiToolId?: number | null;
  aiTool?: string | null;
};

export const keyOf = (input: { source: string; externalId: string }) => `${input.source}\u0000${input.externalId}`;
