import "server-only";
import type { Level } from "@/lib/domain/approval-policy";
import type { Prisma } from "@/lib/generated/prisma/client";
import { AppError, type FieldErrors } from "@/lib/server/errors";
import type { ChangeBeforeUpdate, PolicyInForce } from "@/lib/server/services/approvals/reevaluate-change-approval";
import { keyOf, type ExternalChangeInput } from "./ingest-input";

// Step 1 of an ingestion: everything the write needs to know, in ONE statement — the services,
// authors and AI tools the inputs name (by id or by name), the approval policy in force, and
// the stored changes about to be updated, row-locked in key order (as the upsert locks them)
// so that nobody approves or edits them between this read and the write.

const norm = (value: string) => value.trim().toLowerCase();
/** Id references travel as "#123", names as they are (lower-cased): one text array per kind. */
const refOf = (id: number | null | undefined, name: string | null | undefined) =>
  typeof id === "number" ? `#${id}` : name ? norm(name) : null;

export type ServiceRow = { id: number; archived: boolean };
export type AuthorRow = { id: number; level: Level; active: boolean };
type Found = {
  services: Array<ServiceRow & { ref: string }> | null;
  authors: Array<AuthorRow & { ref: string }> | null;
  tools: Array<{ ref: string; id: number }> | null;
  policy: PolicyInForce | null;
  existing: Array<ChangeBeforeUpdate & { source: string; externalId: string }> | null;
};

const PREPARE_SQL = `
SELECT
  (SELECT json_agg(json_build_object('ref', r.ref, 'id', s.id, 'archived', s."archivedAt" IS NOT NULL) ORDER BY s.id)
     FROM unnest($1::text[]) AS r(ref)
     JOIN "Service" s ON lower(s.slug) = r.ref OR (r.ref ~ '^#?[0-9]{1,9}$' AND s.id = ltrim(r.ref, '#')::int)) AS services,
  (SELECT json_agg(json_build_object('ref', r.ref, 'id', u.id, 'level', u.level, 'active', u.active) ORDER BY u.id)
     FROM unnest($2::text[]) AS r(ref)
     JOIN "User" u ON CASE WHEN r.ref ~ '^#[0-9]{1,9}$' THEN u.id = substr(r.ref, 2)::int
                           ELSE lower(u.email) = r.ref OR lower(u."githubLogin") = r.ref END) AS authors,
  (SELECT json_agg(json_build_object('ref', r.ref, 'id', t.id) ORDER BY t.id)
     FROM unnest($3::text[]) AS r(ref)
     JOIN "AiTool" t ON t."archivedAt" IS NULL
                    AND (lower(t.slug) = r.ref OR lower(t.name) = r.ref OR r.ref = ANY (SELECT lower(a) FROM unnest(t.aliases) AS a)
                         OR (r.ref ~ '^#?[0-9]{1,9}$' AND t.id = ltrim(r.ref, '#')::int))) AS tools,
  (SELECT row_to_json(p) FROM (SELECT * FROM "ApprovalPolicy" ORDER BY id DESC LIMIT 1) AS p) AS policy,
  (SELECT json_agg(l) FROM (
     SELECT c.id, c.source, c."externalId", c.title, c."approvalState", c."approverId", c."shippedAt", c."aiAssisted",
            c."aiToolId", c."aiInvolvement", c."authorId", c."authorLevel", c."serviceId", c."headSha"
       FROM "Change" c JOIN unnest($4::text[], $5::text[]) AS k(source, external_id)
         ON c.source = k.source AND c."externalId" = k.external_id
      ORDER BY c.source, c."externalId" FOR UPDATE OF c) AS l) AS existing`;

export type Prepared = {
  serviceIds: number[];
  authors: Array<{ id: number; level: Level } | null>;
  toolIds: Array<number | null>;
  policy: PolicyInForce;
  /** The stored rows about to be updated, locked, by key. */
  before: Map<string, ChangeBeforeUpdate>;
};

/**
 * Resolves every input's references (one field error per bad one, keyed `pathOf(index)` +
 * the field the caller used: `service` for a name, `serviceId` for an id) and locks the rows.
 * `unique` are the inputs deduplicated and sorted by key; the arrays returned follow `inputs`.
 */
export async function prepareIngest(
  tx: Prisma.TransactionClient,
  inputs: ExternalChangeInput[],
  unique: ExternalChangeInput[],
  pathOf: (index: number) => string,
): Promise<Prepared> {
  const distinct = (refs: Array<string | null>) => [...new Set(refs.filter((ref): ref is string => ref !== null))];
  const serviceRefs = inputs.map((i) => refOf(i.serviceId, i.service));
  const authorRefs = inputs.map((i) => refOf(i.authorId, i.author));
  const toolRefs = inputs.map((i) => refOf(i.aiToolId, i.aiTool));
  const [found] = await tx.$queryRawUnsafe<Found[]>(
    PREPARE_SQL,
    distinct(serviceRefs),
    distinct(authorRefs),
    distinct(toolRefs),
    unique.map((input) => input.source),
    unique.map((input) => input.externalId),
  );
  if (!found.policy) throw new Error("No approval policy row: the migrations insert one; the database is incomplete.");
  const byRef = <T extends { ref: string }>(rows: T[] | null) => {
    const map = new Map<string, T>();
    for (const row of rows ?? []) if (!map.has(row.ref)) map.set(row.ref, row);
    return map;
  };
  const services = byRef(found.services);
  const authors = byRef(found.authors);
  const tools = byRef(found.tools);

  const errors: FieldErrors = {};
  const fail = (index: number, field: string, message: string) =>
    (errors[`${pathOf(index)}${field}`] ??= []).push(message);
  const result: Prepared = {
    serviceIds: [],
    authors: [],
    toolIds: [],
    policy: { ...found.policy, aiShareThreshold: Number(found.policy.aiShareThreshold) },
    before: new Map(
      (found.existing ?? []).map((row) => [
        keyOf(row),
        { ...row, shippedAt: row.shippedAt && new Date(row.shippedAt) },
      ]),
    ),
  };
  inputs.forEach((input, index) => {
    const byId = typeof input.serviceId === "number";
    const service = serviceRefs[index] ? services.get(serviceRefs[index]) : undefined;
    if (!service || service.archived) {
      if (byId) fail(index, "serviceId", "No active service with this id.");
      else if (!service)
        fail(index, "service", `Unknown service "${input.service}". Use a service slug as shown in Faultline.`);
      else fail(index, "service", `The service "${input.service}" is archived.`);
    }
    result.serviceIds.push(service?.id ?? 0);

    const author = authorRefs[index] ? authors.get(authorRefs[index]) : undefined;
    if (authorRefs[index] && (!author || !author.active)) {
      if (typeof input.authorId === "number") fail(index, "authorId", "No active user with this id.");
      else if (!author)
        fail(
          index,
          "author",
          `Unknown author "${input.author}". Use the email of a Faultline user or their GitHub login.`,
        );
      else fail(index, "author", `The author "${input.author}" is deactivated.`);
    }
    result.authors.push(author ? { id: author.id, level: author.level } : null);

    const tool = toolRefs[index] ? tools.get(toolRefs[index]) : undefined;
    if (toolRefs[index] && !tool) {
      if (typeof input.aiToolId === "number") fail(index, "aiToolId", "No AI tool in use with this id.");
      else
        fail(
          index,
          "aiTool",
          `Unknown AI tool "${input.aiTool}". Use a tool's slug or one of its aliases (Admin → Lists).`,
        );
    }
    result.toolIds.push(tool?.id ?? null);
  });
  if (Object.keys(errors).length > 0) {
    const byName = inputs.some((input) => input.service !== undefined);
    throw new AppError(
      "VALIDATION",
      byName
        ? "Some names do not match anything in Faultline; nothing was saved."
        : `${Object.keys(errors).length} field(s) refer to unknown or archived records; nothing was saved.`,
      { fieldErrors: errors },
    );
  }
  return result;
}
