// Pieces shared by the REST API's request and response schemas (lib/schemas/api/*). The
// OpenAPI document (lib/server/api/openapi/document.ts) is generated from these same schemas.
import { z } from "zod";
import { day, isoInstant, PAST_SKEW_MS } from "../dates";
import { MAX_ID } from "../ids";

/** An instant with an offset (ISO 8601), e.g. 2026-11-24T08:15:00Z, within the date rule (lib/schemas/dates.ts). */
export const apiInstant = isoInstant().meta({
  description: "ISO 8601 with a time zone; from 2000-01-01 to one day ahead.",
  example: "2026-11-24T08:15:00Z",
});

/** Like apiInstant, and not in the future (5 minutes of clock skew allowed). */
export const apiPastInstant = apiInstant.refine(
  (value) => Date.parse(value) <= Date.now() + PAST_SKEW_MS,
  "Cannot be in the future.",
);

/** Timestamps in responses: ISO 8601 in UTC with milliseconds. */
export const isoTimestamp = z.iso.datetime().meta({ example: "2026-11-24T08:15:00.000Z" });

export const apiDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Use a day as YYYY-MM-DD.")
  .meta({ example: "2026-11-02" });

/** A day filter (`from`/`to`): a real day within the date rule. */
export const apiDayFilter = day().meta({ example: "2026-11-02", format: "date" });

/** An id in a path, as everywhere: an integer from 1 to 2^31 − 1 (the route reads it with pathId). */
export function pathIdSchema(description: string, example: number) {
  return z.coerce.number().int().min(1).max(MAX_ID).meta({ description, example });
}

export const idParam = z.object({ id: pathIdSchema("Numeric id", 42) });

/**
 * A yes/no query flag, the same on every endpoint: true/false, yes/no or 1/0 are accepted; the
 * document names true and false.
 */
export const queryFlag = z
  .string()
  .transform((raw, ctx) => {
    const value = raw.trim().toLowerCase();
    if (["true", "yes", "1"].includes(value)) return true;
    if (["false", "no", "0"].includes(value)) return false;
    ctx.addIssue({ code: "custom", message: "Use true or false (yes/no and 1/0 are accepted too)." });
    return z.NEVER;
  })
  .meta({ override: { type: "boolean" } });

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
    requestId: z.string().optional().meta({
      description:
        "The request's id (also in the `x-request-id` response header; a well-formed `x-request-id` you send is kept). Quote it when reporting a problem.",
      example: "0f8fe0c4-8c1e-4a43-9d3a-5b2f4c1f2a10",
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
