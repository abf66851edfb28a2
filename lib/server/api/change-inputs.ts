import "server-only";
import type { ApiChangeInput } from "@/lib/schemas/api/changes";
import { AppError, isAppError, type FieldErrors } from "@/lib/server/errors";
import type { ExternalChangeInput } from "@/lib/server/services/changes/ingest-changes";
import {
  normaliseName,
  resolveAiTools,
  resolveAuthors,
  resolveServices,
  throwIfErrors,
  type Lookup,
} from "./resolve-references";

/**
 * API change payloads → ingestChanges inputs: names become ids (one query per kind), and every
 * unknown name is reported under its own path (`changes.3.service`), all at once.
 * `pathOf(index)` is the prefix of item `index` ("" for a single change, "changes.3." in a batch).
 */
export async function toExternalChanges(
  inputs: ApiChangeInput[],
  pathOf: (index: number) => string,
): Promise<ExternalChangeInput[]> {
  const errors: FieldErrors = {};
  const lookups = (pick: (input: ApiChangeInput) => string | null | undefined, field: string): Lookup[] =>
    inputs.flatMap((input, index) => {
      const value = pick(input);
      return value ? [{ key: `${pathOf(index)}${field}`, value }] : [];
    });
  const services = await resolveServices(
    lookups((i) => i.service, "service"),
    errors,
  );
  const authors = await resolveAuthors(
    lookups((i) => i.author, "author"),
    errors,
  );
  const tools = await resolveAiTools(
    lookups((i) => i.aiTool, "aiTool"),
    errors,
  );
  throwIfErrors(errors);
  const id = (map: Map<string, number>, value: string | null | undefined) =>
    value ? map.get(normaliseName(value))! : value === null ? null : undefined;
  return inputs.map((input) => ({
    source: input.source,
    externalId: input.externalId,
    kind: input.kind,
    title: input.title,
    serviceId: services.get(normaliseName(input.service))!,
    description: input.description,
    externalUrl: input.externalUrl,
    repository: input.repository,
    authorId: id(authors, input.author),
    aiAssisted: input.aiAssisted,
    aiToolId: id(tools, input.aiTool),
    aiInvolvement: input.aiInvolvement,
    shippedAt: input.shippedAt ? new Date(input.shippedAt) : input.shippedAt === null ? null : undefined,
    rolledBackAt: input.rolledBackAt ? new Date(input.rolledBackAt) : input.rolledBackAt === null ? null : undefined,
  }));
}

const FIELD_NAMES: Record<string, string> = { serviceId: "service", authorId: "author", aiToolId: "aiTool" };

/** ingestChanges keys its errors "changes.3.serviceId"; re-key them to the API's paths. */
export function rekeyIngestErrors(error: unknown, pathOf: (index: number) => string): never {
  if (isAppError(error) && error.fieldErrors) {
    const fieldErrors: FieldErrors = {};
    for (const [key, messages] of Object.entries(error.fieldErrors)) {
      const match = /^changes\.(\d+)\.(\w+)$/.exec(key);
      fieldErrors[match ? `${pathOf(Number(match[1]))}${FIELD_NAMES[match[2]] ?? match[2]}` : key] = messages;
    }
    throw new AppError(error.code, error.message, { fieldErrors });
  }
  throw error;
}
