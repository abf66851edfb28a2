// Pieces shared by the REST API's request and response schemas (lib/schemas/api/*). The
// OpenAPI document (lib/server/api/openapi/document.ts) is generated from these same schemas.
import { z } from "zod";

const CLOCK_SKEW_MS = 5 * 60_000;

/** An instant with an offset (ISO 8601), e.g. 2026-11-24T08:15:00Z; parsed to a Date. */
export const apiInstant = z.iso
  .datetime({ offset: true, error: "Use an ISO 8601 timestamp with a time zone, e.g. 2026-11-24T08:15:00Z." })
  .meta({ example: "2026-11-24T08:15:00Z" });

/** Like apiInstant, and not in the future (5 minutes of clock skew allowed). */
export const apiPastInstant = apiInstant.refine(
  (value) => Date.parse(value) <= Date.now() + CLOCK_SKEW_MS,
  "Cannot be in the future.",
);

/** Timestamps in responses: ISO 8601 in UTC with milliseconds. */
export const isoTimestamp = z.iso.datetime().meta({ example: "2026-11-24T08:15:00.000Z" });

export const apiDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Use a day as YYYY-MM-DD.")
  .meta({ example: "2026-11-02" });

export const idParam = z.object({
  id: z
    .string()
    .regex(/^\d{1,9}$/, "Ids are positive whole numbers.")
    .meta({ description: "Numeric id", example: "42" }),
});

/** A comma-separated list of enum values in a query parameter ("SEV1,SEV2"). */
export function csvEnum<const T extends readonly [string, ...string[]]>(values: T, description: string) {
  return z
    .string()
    .meta({
      description: `${description} Comma-separated: ${values.join(", ")}.`,
      example: values.slice(0, 2).join(","),
    })
    .transform((raw) => [
      ...new Set(
        raw
          .split(",")
          .map((v) => v.trim())
          .filter(Boolean),
      ),
    ])
    .pipe(z.array(z.enum(values, { error: `Use ${values.join(", ")}.` })));
}

/** A comma-separated list of slugs (or numeric ids) in a query parameter. */
export function csvRefs(description: string) {
  return z
    .string()
    .meta({ description: `${description} Comma-separated slugs (or numeric ids).`, example: "payments,checkout" })
    .transform((raw) => [
      ...new Set(
        raw
          .split(",")
          .map((v) => v.trim())
          .filter(Boolean),
      ),
    ])
    .pipe(z.array(z.string().max(100)).max(50, "At most 50 values."));
}

export const pageQuery = {
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(200, "At most 200 per page.")
    .default(50)
    .meta({ description: "Page size, 1–200 (default 50)." }),
  cursor: z.string().max(100).optional().meta({ description: "`nextCursor` of the previous page." }),
};

export const problemSchema = z
  .object({
    type: z.string().meta({ example: "https://faultline.dev/problems/validation-failed" }),
    title: z.string().meta({ example: "Validation failed" }),
    status: z.number().int().meta({ example: 422 }),
    detail: z.string().meta({ example: "Some fields need attention." }),
    errors: z
      .record(z.string(), z.array(z.string()))
      .optional()
      .meta({
        description: "Messages per field; nested fields use dots: `changes.3.service`.",
        example: { "changes.3.service": ['Unknown service "paymnts".'] },
      }),
  })
  .meta({ id: "Problem", description: "RFC 9457 problem details (content type application/problem+json)." });
export type Problem = z.infer<typeof problemSchema>;

export const namedRef = z.object({ slug: z.string(), name: z.string() });
export const personRef = z.object({ email: z.string(), name: z.string() });

export function pageOf<T extends z.ZodType>(item: T, id: string) {
  return z
    .object({
      data: z.array(item),
      nextCursor: z
        .string()
        .nullable()
        .meta({ description: "Pass as `cursor` for the next page; null on the last page." }),
    })
    .meta({ id });
}
