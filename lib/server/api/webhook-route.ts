import "server-only";
import { findHostileInput, storableText } from "@/lib/schemas/hostile-input";
import { AppError, toAppError } from "@/lib/server/errors";
import {
  getWebhookIntegration,
  type WebhookIntegration,
} from "@/lib/server/queries/integrations/get-webhook-integration";
import { recordRejectedDelivery } from "@/lib/server/services/integrations/record-rejected-delivery";
import { problem } from "./problem";

// The door of every inbound webhook: HTTP in, HTTP out. It finds the integration the URL
// names, reads and parses the body, hands the service parsed input (payload, header values)
// and maps its domain result or AppError to a status once. Services never see Headers.

/** Larger bodies are refused before they are read (GitHub caps payloads at 25 MB; ours are small). */
export const MAX_WEBHOOK_BODY_BYTES = 5 * 1024 * 1024;

const TITLES: Record<number, string> = {
  400: "Bad request",
  401: "Unauthenticated",
  404: "Not found",
  409: "Conflict",
  413: "Payload too large",
  415: "Unsupported media type",
  422: "Unprocessable delivery",
};

type Source = "github" | "alertmanager";
export type WebhookDelivery = { integration: WebhookIntegration; rawBody: Buffer; payload: unknown; request: Request };

/** Headers worth showing an admin in the rejected-deliveries log. Never the signature or the bearer credential. */
const KEPT_HEADERS = [
  "content-type",
  "content-length",
  "user-agent",
  "x-github-event",
  "x-github-delivery",
  "x-github-hook-id",
  "x-github-hook-installation-target-type",
  "x-github-hook-installation-target-id",
];

export function keptHeaders(headers: Headers): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const name of KEPT_HEADERS) {
    const value = headers.get(name);
    if (value !== null) kept[name] = storableText(value.slice(0, 500));
  }
  return kept;
}

/** A refusal the door itself decides, with its HTTP status. */
class Refusal {
  constructor(
    readonly status: 400 | 401 | 404 | 409 | 413 | 415 | 422,
    readonly reason: string,
  ) {}
}

/**
 * A route handler for one webhook kind. `handle` gets the integration and the parsed JSON
 * body and answers a Response built from its service's domain result. Refusals (4xx) are
 * answered as problem details and kept in the rejected-deliveries log; an unreachable
 * database is a 503 with Retry-After; anything else a logged 500.
 */
export function webhookRoute(
  options: { source: Source; kind: WebhookIntegration["kind"]; event?: (request: Request) => string | null },
  handle: (delivery: WebhookDelivery) => Promise<Response>,
) {
  return async (request: Request, { params }: { params: Promise<{ integrationId: string }> }): Promise<Response> => {
    const { integrationId: pathId } = await params;
    let integrationId: number | null = null;
    let text = "";
    try {
      const id = /^\d{1,9}$/.test(pathId) ? Number(pathId) : null;
      const integration = id ? await getWebhookIntegration(id) : null;
      if (integration) integrationId = integration.id;
      const tooLarge = new Refusal(413, `The body is larger than ${MAX_WEBHOOK_BODY_BYTES} bytes.`);
      if (Number(request.headers.get("content-length") ?? 0) > MAX_WEBHOOK_BODY_BYTES) throw tooLarge;
      const rawBody = Buffer.from(await request.arrayBuffer());
      text = rawBody.toString("utf8");
      if (rawBody.length > MAX_WEBHOOK_BODY_BYTES) throw tooLarge;
      if (!integration || integration.kind !== options.kind)
        throw new Refusal(
          404,
          `No ${options.source === "github" ? "GitHub" : "Alertmanager"} integration ${pathId}: check the webhook URL in Admin → Integrations.`,
        );
      if (!integration.active)
        throw new Refusal(
          404,
          `The integration "${integration.name}" is deactivated: reactivate it in Admin → Integrations.`,
        );
      assertJsonContentType(request.headers.get("content-type"), options.source);
      return await handle({ integration, rawBody, payload: parseJsonBody(text), request });
    } catch (error) {
      const refusal = asRefusal(error);
      const unavailable = refusal ? undefined : toAppError(error);
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
      if (!refusal) {
        console.error(`[faultline] ${options.source} webhook failed:`, error);
        return problem(500, "Internal error", "The delivery could not be processed; the sender may retry it.");
      }
      await recordRejectedDelivery({
        source: options.source,
        integrationId,
        status: refusal.status,
        reason: refusal.reason,
        event: options.event?.(request) ?? null,
        headers: keptHeaders(request.headers),
        body: text,
      });
      const headers: Record<string, string> =
        refusal.status === 401
          ? { "www-authenticate": options.source === "github" ? 'HMAC realm="faultline"' : 'Bearer realm="faultline"' }
          : {};
      return problem(refusal.status, TITLES[refusal.status], refusal.reason, {}, headers);
    }
  };
}

/**
 * The service's AppErrors as refusals: a bad signature or credential is a 401, a malformed
 * request a 400, a conflict a 409; anything about the payload or what it names (validation,
 * an unmapped repository) is a 422 — the delivery is understood but cannot be used.
 */
function asRefusal(error: unknown): Refusal | null {
  if (error instanceof Refusal) return error;
  if (!(error instanceof AppError)) return null;
  if (error.code === "UNAUTHENTICATED") return new Refusal(401, error.message);
  if (error.code === "BAD_REQUEST") return new Refusal(400, error.message);
  if (error.code === "CONFLICT") return new Refusal(409, error.message);
  if (error.code === "VALIDATION" || error.code === "NOT_FOUND")
    return new Refusal(422, fieldMessage(error.message, error.fieldErrors));
  return null;
}

function fieldMessage(message: string, fieldErrors?: Record<string, string[]>): string {
  const details = Object.entries(fieldErrors ?? {}).map(([field, messages]) => `${field}: ${messages.join(" ")}`);
  return details.length ? `${message} ${details.join("; ")}` : message;
}

function assertJsonContentType(header: string | null, source: Source): void {
  const type = (header ?? "").split(";")[0].trim().toLowerCase();
  if (type === "application/json") return;
  throw new Refusal(
    415,
    `The body must be sent as application/json (got "${type || "no content type"}")${source === "github" ? ": set the webhook's Content type to application/json in GitHub" : ""}.`,
  );
}

/** JSON of the body, or a 400 naming the problem; NUL, lone surrogates and prototype keys are a 422 (lib/schemas/hostile-input.ts). */
function parseJsonBody(text: string): unknown {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new Refusal(400, "The body is not valid JSON. Send the payload as application/json.");
  }
  const hostile = findHostileInput(value);
  if (hostile) throw new Refusal(422, `The payload cannot be accepted (${hostile.path}): ${hostile.message}`);
  return value;
}
