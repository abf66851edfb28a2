import { z } from "zod";
import type { ZodOpenApiOperationObject, ZodOpenApiResponsesObject } from "zod-openapi";
import {
  apiChangeBatchResultSchema,
  apiChangeBatchSchema,
  apiChangeInputSchema,
  apiChangeListQuery,
  apiChangePageSchema,
  apiChangePatchSchema,
  apiChangeSchema,
  apiChangeUpsertResultSchema,
} from "@/lib/schemas/api/changes";
import { apiAttributionInputSchema, apiAttributionSchema } from "@/lib/schemas/api/attribution";
import { idParam, pathIdSchema, problemSchema } from "@/lib/schemas/api/common";
import { apiDeployGateQuery, apiDeployGateSchema } from "@/lib/schemas/api/deploy-gate";
import {
  apiIncidentCreateSchema,
  apiIncidentDetailSchema,
  apiIncidentLinkSchema,
  apiIncidentListQuery,
  apiIncidentPageSchema,
  apiIncidentPatchSchema,
  apiLinkCreateSchema,
  apiTimelineEventSchema,
  apiTimelineNoteSchema,
  linkParams,
} from "@/lib/schemas/api/incidents";
import { apiApprovalDecisionSchema } from "@/lib/schemas/api/approval";
import { apiMetricsQuery, apiMetricsSchema, apiWeeklyReportSchema, weekParam } from "@/lib/schemas/api/metrics";

// Every /api/v1 operation, described with the zod schemas the route handlers parse and answer
// with. A test checks that each app/api/v1/**/route.ts export is listed here, and e2e tests
// check real answers against the generated document.

type Scope = "read" | "changes:write" | "incidents:write" | "approve";
const ERROR_TEXT: Record<number, string> = {
  401: "Token missing, unknown or revoked (or its creator deactivated).",
  403: "The token lacks the scope, or its creator's role does not allow this.",
  404: "Not found.",
  409: "Conflict: stale version, existing link, or an Idempotency-Key still in progress.",
  413: "The body is larger than 5 MB.",
  415: "The body is not sent as `Content-Type: application/json`.",
  422: "Validation failed; `errors` has a message per field.",
  429: "Rate limit exceeded; wait Retry-After seconds.",
  503: "Busy: every database connection stayed in use; nothing was done. Retry after Retry-After seconds.",
};
const RETRY_AFTER_STATUSES = new Set([429, 503]);

const rateLimitHeaders = z.object({
  "RateLimit-Limit": z.string().meta({ description: "Requests allowed per window." }),
  "RateLimit-Remaining": z.string().meta({ description: "Requests left in this window." }),
  "RateLimit-Reset": z.string().meta({ description: "Seconds until the window resets." }),
  "RateLimit-Policy": z.string().meta({ description: "The quota and its window in seconds, e.g. `600;w=60`." }),
});
const etagHeader = z.object({
  ETag: z.string().meta({ description: 'The incident\'s version, quoted (e.g. "3"): send it back as If-Match.' }),
});
const replayedHeader = z.object({
  "Idempotency-Replayed": z
    .literal("true")
    .optional()
    .meta({ description: "Present when this is the stored first answer to a retried Idempotency-Key." }),
});

function problems(...codes: number[]): ZodOpenApiResponsesObject {
  return Object.fromEntries(
    [401, 403, 429, 503, ...codes].sort().map((code) => [
      String(code),
      {
        description: ERROR_TEXT[code],
        content: { "application/problem+json": { schema: problemSchema } },
        ...(RETRY_AFTER_STATUSES.has(code)
          ? { headers: z.object({ "Retry-After": z.string().meta({ description: "Seconds to wait." }) }) }
          : {}),
      },
    ]),
  );
}

function ok(
  status: number,
  description: string,
  schema: z.ZodType | null,
  example?: unknown,
  extraHeaders?: z.ZodObject,
): ZodOpenApiResponsesObject {
  return {
    [String(status)]: {
      description,
      headers: extraHeaders ? rateLimitHeaders.extend(extraHeaders.shape) : rateLimitHeaders,
      ...(schema ? { content: { "application/json": { schema, ...(example ? { example } : {}) } } } : {}),
    },
  };
}

function op(scope: Scope, operation: ZodOpenApiOperationObject): ZodOpenApiOperationObject {
  return {
    security: [{ bearer: [] }],
    ...operation,
    description: `${operation.description ?? ""}\n\nScope: \`${scope}\`.`.trim(),
    "x-scope": scope,
  } as ZodOpenApiOperationObject;
}

const body = (schema: z.ZodType, example: unknown) => ({
  required: true,
  content: { "application/json": { schema, example } },
});
const idempotencyKey = z.object({
  "Idempotency-Key": z
    .string()
    .max(255)
    .optional()
    .meta({ description: "Any unique string (a UUID): a retry with the same key and body returns the first answer." }),
});

const CHANGE_EXAMPLE = {
  source: "github-actions",
  externalId: "deploy-8841",
  kind: "DEPLOY",
  title: "Deploy checkout 2026.11.24-1",
  service: "checkout",
  repository: "acme/checkout",
  author: "mid@faultline.dev",
  aiAssisted: true,
  aiTool: "copilot",
  aiInvolvement: "CO_AUTHORED",
  shippedAt: "2026-11-24T08:15:00Z",
};

// Inbound webhooks (docs/inbound-webhooks.md): authenticated by the integration's secret, not an
// API token, so no scope and no token rate limit; refusals are problem details and are logged.
const integrationParam = z.object({
  integrationId: pathIdSchema("The integration's id (Admin → Integrations).", 2),
});
const webhookAnswer = z
  .looseObject({
    status: z.enum(["processed", "duplicate", "pong"]),
    result: z
      .unknown()
      .optional()
      .meta({ description: "What the delivery did: the change or incident id and its outcome." }),
  })
  .meta({ id: "WebhookAnswer" });
const webhookIgnored = z.object({ status: z.literal("ignored"), reason: z.string() }).meta({ id: "WebhookIgnored" });
function webhookRefusals(): ZodOpenApiResponsesObject {
  const text: Record<number, string> = {
    400: "Not JSON.",
    401: "Signature or credential missing or wrong.",
    404: "No such active integration.",
    413: "Body over 5 MB.",
    415: "Not sent as application/json.",
    422: "A payload Faultline cannot use (e.g. no service, a NUL character, a date outside 2000 … tomorrow).",
  };
  return Object.fromEntries(
    Object.entries(text).map(([code, description]) => [
      code,
      { description, content: { "application/problem+json": { schema: problemSchema } } },
    ]),
  );
}
const WEBHOOK_OPERATIONS = {
  "/webhooks/github/{integrationId}": {
    post: {
      operationId: "githubWebhook",
      tags: ["Webhooks"],
      summary: "GitHub webhook (merged pull requests, successful deployments)",
      description:
        "Signed with the integration's secret (`X-Hub-Signature-256`). Other events are acknowledged with 202 and ignored; a redelivery is a `duplicate`.",
      security: [{ githubSignature: [] }],
      requestParams: {
        path: integrationParam,
        header: z.object({
          "X-GitHub-Event": z.string().meta({ example: "pull_request" }),
          "X-GitHub-Delivery": z.string().meta({ description: "Deliveries are processed once per id." }),
          "X-Hub-Signature-256": z.string().meta({ example: "sha256=…" }),
        }),
      },
      requestBody: {
        required: true,
        content: {
          "application/json": { schema: z.looseObject({}).meta({ description: "GitHub's payload for the event." }) },
        },
      },
      responses: {
        "200": {
          description: "Processed, duplicate, or pong.",
          content: { "application/json": { schema: webhookAnswer } },
        },
        "202": { description: "Not a change; ignored.", content: { "application/json": { schema: webhookIgnored } } },
        ...webhookRefusals(),
      },
    },
  },
  "/webhooks/alertmanager/{integrationId}": {
    post: {
      operationId: "alertmanagerWebhook",
      tags: ["Webhooks"],
      summary: "Prometheus Alertmanager webhook (opens and mitigates incidents)",
      description:
        "Authenticated with the integration's secret as a bearer credential. A firing group opens an incident; resolved moves it to Monitoring.",
      security: [{ integrationSecret: [] }],
      requestParams: { path: integrationParam },
      requestBody: {
        required: true,
        content: {
          "application/json": {
            schema: z.looseObject({}).meta({ description: "Alertmanager's webhook payload (version 4)." }),
          },
        },
      },
      responses: {
        "200": { description: "Processed or duplicate.", content: { "application/json": { schema: webhookAnswer } } },
        ...webhookRefusals(),
      },
    },
  },
} satisfies Record<string, Partial<Record<"post", ZodOpenApiOperationObject>>>;

export const OPERATIONS = {
  "/changes": {
    get: op("read", {
      operationId: "listChanges",
      tags: ["Changes"],
      summary: "List changes",
      description:
        "Newest registration first, with the filters of the Changes page. Keyset pagination: pass `nextCursor` as `cursor`.",
      requestParams: { query: apiChangeListQuery },
      responses: { ...ok(200, "A page of changes.", apiChangePageSchema), ...problems(422) },
    }),
    post: op("changes:write", {
      operationId: "upsertChange",
      tags: ["Changes"],
      summary: "Register or update a change",
      description:
        "Identified by (source, externalId): posting the same change again updates it (200) instead of creating a second one (201). " +
        "Fields left out keep their stored values; kind, title and service are overwritten. Concurrent posts of one change end with one row.",
      requestBody: body(apiChangeInputSchema, CHANGE_EXAMPLE),
      responses: {
        ...ok(201, "Created.", apiChangeUpsertResultSchema),
        ...ok(200, "Updated, or unchanged (`outcome`).", apiChangeUpsertResultSchema),
        ...problems(413, 415, 422),
      },
    }),
  },
  "/changes/batch": {
    post: op("changes:write", {
      operationId: "upsertChangeBatch",
      tags: ["Changes"],
      summary: "Register or update up to 1,000 changes",
      description:
        "One transaction, all or nothing. Each item behaves like POST /changes; a retried batch creates nothing twice. Errors name the item: `changes.3.service`.",
      requestBody: body(apiChangeBatchSchema, {
        changes: [
          CHANGE_EXAMPLE,
          { ...CHANGE_EXAMPLE, externalId: "deploy-8842", aiAssisted: false, aiTool: null, aiInvolvement: null },
        ],
      }),
      responses: {
        ...ok(200, "One outcome per item, in order.", apiChangeBatchResultSchema),
        ...problems(413, 415, 422),
      },
    }),
  },
  "/changes/{id}": {
    get: op("read", {
      operationId: "getChange",
      tags: ["Changes"],
      summary: "Get a change",
      requestParams: { path: idParam },
      responses: { ...ok(200, "The change.", apiChangeSchema), ...problems(404, 422) },
    }),
    patch: op("changes:write", {
      operationId: "setChangeRolledBack",
      tags: ["Changes"],
      summary: "Record or clear a rollback",
      description:
        "A rolled-back change counts as failed. Only a shipped change can be rolled back, not before it shipped.",
      requestParams: { path: idParam },
      requestBody: body(apiChangePatchSchema, { rolledBackAt: "2026-11-24T09:02:00Z" }),
      responses: { ...ok(200, "The change.", apiChangeSchema), ...problems(404, 413, 415, 422) },
    }),
  },
  "/changes/{id}/approval": {
    post: op("approve", {
      operationId: "decideChangeApproval",
      tags: ["Changes"],
      summary: "Approve or reject a change",
      description:
        "As the token's user, with the rules of the Approvals page: the user's level must be one the policy lets approve, nobody approves their own change, a rejection needs a comment, and when two people decide at once one wins (the other gets 409). Pass `version` to refuse (409) if the change moved since you reviewed it. History import: with the `import` scope instead, `decidedBy` (a user's email) and `decidedAt` record a decision taken in another tool, under the same rules; compliance compares `decidedAt` with `shippedAt`, and the same decision again changes nothing.",
      requestParams: { path: idParam },
      requestBody: body(apiApprovalDecisionSchema, {
        decision: "approve",
        comment: "Reviewed the diff and the tests.",
      }),
      responses: {
        ...ok(200, "The change, with its new approval state.", apiChangeSchema),
        ...problems(404, 409, 422),
      },
    }),
  },
  "/changes/{id}/attribution": {
    get: op("read", {
      operationId: "getChangeAttribution",
      tags: ["Changes"],
      summary: "Get a change's AI attribution evidence",
      requestParams: { path: idParam },
      responses: { ...ok(200, "The stored evidence.", apiAttributionSchema), ...problems(404) },
    }),
    post: op("changes:write", {
      operationId: "postChangeAttribution",
      tags: ["Changes"],
      summary: "Post AI attribution evidence",
      description:
        "A git-ai note (authorship/3.0.0 text or authorship/0.0.1 JSON), an Agent Trace record (0.1), an Entire checkpoint's session metadata, or agents' Co-authored-by trailers. Replaces earlier evidence. Evidence above the approval policy's AI share threshold (default 20 %) makes the change AI-assisted and flags a mismatch when it was declared otherwise. Unknown schema versions, impossible line ranges and oversized bodies are 422. Faultline's `attribution push` command sends it from CI (docs/ai-attribution.md).",
      requestParams: { path: idParam },
      requestBody: body(apiAttributionInputSchema, {
        format: "git-ai",
        note: 'src/main.rs\n  s_c9883b05a2487d::t_9f8e7d6c5b4a32 1-10\n---\n{"schema_version":"authorship/3.0.0","base_commit_sha":"","prompts":{},"sessions":{"s_c9883b05a2487d":{"agent_id":{"tool":"claude","id":"x","model":"claude-sonnet-4-5"}}}}',
        commitSha: "7734793b756b3921c88db5375a8c156e9532447b",
        totalLines: 40,
      }),
      responses: {
        ...ok(200, "The stored evidence and what the change counts as now.", apiAttributionSchema),
        ...problems(404, 422),
      },
    }),
  },
  "/incidents": {
    get: op("read", {
      operationId: "listIncidents",
      tags: ["Incidents"],
      summary: "List incidents",
      description:
        "Newest impact first, with the filters of the Incidents page. Keyset pagination: pass `nextCursor` as `cursor`.",
      requestParams: { query: apiIncidentListQuery },
      responses: { ...ok(200, "A page of incidents.", apiIncidentPageSchema), ...problems(422) },
    }),
    post: op("incidents:write", {
      operationId: "declareIncident",
      tags: ["Incidents"],
      summary: "Declare an incident",
      description:
        "Declared by the token's creator (the commander until someone takes over). Send `Idempotency-Key` so a retried alert does not open a second incident.",
      requestParams: { header: idempotencyKey },
      requestBody: body(apiIncidentCreateSchema, {
        title: "Checkout returns 502",
        severity: "SEV2",
        impactStartedAt: "2026-11-24T08:20:00Z",
        services: ["checkout"],
      }),
      responses: {
        ...ok(
          201,
          "Created (or, for a replayed Idempotency-Key, the first answer).",
          apiIncidentDetailSchema,
          undefined,
          etagHeader.extend(replayedHeader.shape),
        ),
        ...problems(409, 413, 415, 422),
      },
    }),
  },
  "/incidents/{id}": {
    get: op("read", {
      operationId: "getIncident",
      tags: ["Incidents"],
      summary: "Get an incident",
      description: "With its linked changes and timeline. `ETag` is the version to send back when updating.",
      requestParams: { path: idParam },
      responses: {
        ...ok(200, "The incident.", apiIncidentDetailSchema, undefined, etagHeader),
        ...problems(404, 422),
      },
    }),
    patch: op("incidents:write", {
      operationId: "updateIncident",
      tags: ["Incidents"],
      summary: "Change status and/or severity",
      description:
        "Optimistic locking: send the `version` you read (or `If-Match`). A stale version is a 409: GET the incident again and retry.",
      requestParams: {
        path: idParam,
        header: z.object({ "If-Match": z.string().optional().meta({ description: 'The ETag of GET, e.g. "3".' }) }),
      },
      requestBody: body(apiIncidentPatchSchema, {
        version: 3,
        status: "MONITORING",
        note: "Rolled back; error rate normal.",
      }),
      responses: {
        ...ok(200, "The incident.", apiIncidentDetailSchema, undefined, etagHeader),
        ...problems(404, 409, 413, 415, 422),
      },
    }),
  },
  "/incidents/{id}/timeline": {
    post: op("incidents:write", {
      operationId: "addTimelineNote",
      tags: ["Incidents"],
      summary: "Add a note to the timeline",
      requestParams: { path: idParam, header: idempotencyKey },
      requestBody: body(apiTimelineNoteSchema, { body: "Rolled back deploy-8841; error rate falling." }),
      responses: {
        ...ok(201, "The timeline event.", apiTimelineEventSchema, undefined, replayedHeader),
        ...problems(404, 409, 413, 415, 422),
      },
    }),
  },
  "/incidents/{id}/changes": {
    post: op("incidents:write", {
      operationId: "linkChange",
      tags: ["Incidents"],
      summary: "Link an originating change",
      description:
        "Name the change by `changeId` or by `source` + `externalId`. A trigger or root-cause link makes the change failed.",
      requestParams: { path: idParam },
      requestBody: body(apiLinkCreateSchema, { source: "github-actions", externalId: "deploy-8841", role: "TRIGGER" }),
      responses: { ...ok(201, "The link.", apiIncidentLinkSchema), ...problems(404, 409, 413, 415, 422) },
    }),
  },
  "/incidents/{id}/changes/{changeId}": {
    delete: op("incidents:write", {
      operationId: "unlinkChange",
      tags: ["Incidents"],
      summary: "Remove a link",
      requestParams: { path: linkParams },
      responses: { ...ok(204, "Removed.", null), ...problems(404, 422) },
    }),
  },
  "/metrics": {
    get: op("read", {
      operationId: "getMetrics",
      tags: ["Metrics"],
      summary: "Dashboard series",
      description:
        "The dashboard's numbers for whole weeks (Monday to Sunday in the organisation's time zone); definitions on Help → Definitions.",
      requestParams: { query: apiMetricsQuery },
      responses: { ...ok(200, "The series.", apiMetricsSchema), ...problems(422) },
    }),
  },
  "/reports/weekly/{week}": {
    get: op("read", {
      operationId: "getWeeklyReport",
      tags: ["Reports"],
      summary: "Weekly report (TWiST)",
      description:
        "Every Sev1/Sev2 of the week with duration, blast radius and originating changes; policy violations; action items; and the dashboard series.",
      requestParams: { path: weekParam },
      responses: { ...ok(200, "The report.", apiWeeklyReportSchema), ...problems(404, 422) },
    }),
  },
  "/deploy-gate": {
    get: op("read", {
      operationId: "deployGate",
      tags: ["Deploy gate"],
      summary: "May this change ship?",
      description: "Allow or deny with a reason and a sentence for the CI log. See docs/deploy-gate.md.",
      requestParams: { query: apiDeployGateQuery },
      responses: {
        ...ok(200, "The decision.", apiDeployGateSchema),
        "404": {
          description: "Unknown change (decision deny, reason unknown_change).",
          content: { "application/json": { schema: apiDeployGateSchema } },
        },
        ...problems(409, 422),
      },
    }),
    post: op("read", {
      operationId: "deployGatePost",
      tags: ["Deploy gate"],
      summary: "May this change ship? (JSON body)",
      requestBody: body(apiDeployGateQuery, { externalId: "deploy-8841", source: "github-actions" }),
      responses: {
        ...ok(200, "The decision.", apiDeployGateSchema),
        "404": {
          description: "Unknown change (decision deny, reason unknown_change).",
          content: { "application/json": { schema: apiDeployGateSchema } },
        },
        ...problems(409, 413, 415, 422),
      },
    }),
  },
  ...WEBHOOK_OPERATIONS,
} satisfies Record<string, Partial<Record<"get" | "post" | "patch" | "delete", ZodOpenApiOperationObject>>>;
