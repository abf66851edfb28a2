import "server-only";
import { problem } from "@/lib/server/api/problem";
import { findHostileInput } from "@/lib/schemas/hostile-input";
import { isAppError, toAppError } from "@/lib/server/errors";
import {
  getWebhookIntegration,
  type WebhookIntegration,
} from "@/lib/server/queries/integrations/get-webhook-integration";
import { recordRejectedDelivery } from "./record-rejected-delivery";

/** Larger bodies are refused before they are read (GitHub caps payloads at 25 MB; ours are small). */
export const MAX_WEBHOOK_BODY_BYTES = 5 * 1024 * 1024;

/** A delivery refused with a 4xx: answered as problem details and kept in the rejected log. */
export class WebhookRejection extends Error {
  constructor(
    readonly status: 400 | 401 | 404 | 409 | 413 | 415 | 422,
    readonly reason: string,
  ) {
    super(reason);
  }
}

const TITLES: Record<number, string> = {
  400: "Bad request",
  401: "Unauthenticated",
  404: "Not found",
  409: "Conflict",
  413: "Payload too large",
  415: "Unsupported media type",
  422: "Unprocessable delivery",
};

export type WebhookContext = { integration: WebhookIntegration; rawBody: Buffer; text: string };
type Source = "github" | "alertmanager";

/**
 * The frame every inbound webhook shares: find the integration the URL names, read the raw
 * body (the signature covers its exact bytes), run the handler, and turn refusals into a
 * 4xx with a reason that is also written to the rejected-deliveries log.
 */
export async function handleWebhook(
  request: Request,
  options: { source: Source; kind: WebhookIntegration["kind"]; integrationId: string; event: string | null },
  handler: (context: WebhookContext) => Promise<Response>,
): Promise<Response> {
  let integrationId: number | null = null;
  let text = "";
  try {
    const id = /^\d{1,9}$/.test(options.integrationId) ? Number(options.integrationId) : null;
    const integration = id ? await getWebhookIntegration(id) : null;
    if (integration) integrationId = integration.id;
    const declaredLength = Number(request.headers.get("content-length") ?? 0);
    if (declaredLength > MAX_WEBHOOK_BODY_BYTES)
      throw new WebhookRejection(413, `The body is larger than ${MAX_WEBHOOK_BODY_BYTES} bytes.`);
    const rawBody = Buffer.from(await request.arrayBuffer());
    text = rawBody.toString("utf8");
    if (rawBody.length > MAX_WEBHOOK_BODY_BYTES)
      throw new WebhookRejection(413, `The body is larger than ${MAX_WEBHOOK_BODY_BYTES} bytes.`);
    if (!integration || integration.kind !== options.kind)
      throw new WebhookRejection(
        404,
        `No ${options.source === "github" ? "GitHub" : "Alertmanager"} integration ${options.integrationId}: check the webhook URL in Admin → Integrations.`,
      );
    if (!integration.active)
      throw new WebhookRejection(
        404,
        `The integration "${integration.name}" is deactivated: reactivate it in Admin → Integrations.`,
      );
    assertJsonContentType(request.headers.get("content-type"), options.source);
    return await handler({ integration, rawBody, text });
  } catch (error) {
    const rejection =
      error instanceof WebhookRejection
        ? error
        : isAppError(error) && (error.code === "VALIDATION" || error.code === "NOT_FOUND")
          ? new WebhookRejection(422, fieldMessage(error.message, error.fieldErrors))
          : null;
    const unavailable = rejection ? undefined : toAppError(error);
    if (unavailable?.code === "UNAVAILABLE")
      return problem(
        503,
        "Service unavailable",
        unavailable.message,
        {},
        {
          "retry-after": String(unavailable.retryAfterSeconds),
        },
      );
    if (!rejection) {
      console.error(`[faultline] ${options.source} webhook failed:`, error);
      return problem(500, "Internal error", "The delivery could not be processed; the sender may retry it.");
    }
    await recordRejectedDelivery({
      source: options.source,
      integrationId,
      status: rejection.status,
      reason: rejection.reason,
      event: options.event,
      headers: request.headers,
      body: text,
    });
    const headers: Record<string, string> =
      rejection.status === 401
        ? { "www-authenticate": options.source === "github" ? 'HMAC realm="faultline"' : 'Bearer realm="faultline"' }
        : {};
    return problem(rejection.status, TITLES[rejection.status], rejection.reason, {}, headers);
  }
}

function fieldMessage(message: string, fieldErrors?: Record<string, string[]>): string {
  const details = Object.entries(fieldErrors ?? {}).map(([field, messages]) => `${field}: ${messages.join(" ")}`);
  return details.length ? `${message} ${details.join("; ")}` : message;
}

function assertJsonContentType(header: string | null, source: Source): void {
  const type = (header ?? "").split(";")[0].trim().toLowerCase();
  if (type === "application/json") return;
  throw new WebhookRejection(
    415,
    `The body must be sent as application/json (got "${type || "no content type"}")${source === "github" ? ": set the webhook's Content type to application/json in GitHub" : ""}.`,
  );
}

/** JSON of the body, or a 400 naming the problem; NUL, lone surrogates and prototype keys are a 422 (lib/schemas/hostile-input.ts). */
export function parseJsonBody(text: string): unknown {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new WebhookRejection(400, "The body is not valid JSON. Send the payload as application/json.");
  }
  const hostile = findHostileInput(value);
  if (hostile) throw new WebhookRejection(422, `The payload cannot be accepted (${hostile.path}): ${hostile.message}`);
  return value;
}

export const accepted = (status: "ignored", reason: string) => Response.json({ status, reason }, { status: 202 });
export const processed = (body: Record<string, unknown>, status = 200) => Response.json(body, { status });
