import "server-only";
import { detectAiAssistance } from "@/lib/domain/ai-detection";
import { githubConfigSchema } from "@/lib/schemas/integration";
import {
  describeIssues,
  githubDeploymentStatusEventSchema,
  githubPullRequestEventSchema,
} from "@/lib/schemas/webhook-payloads";
import { integrationActor } from "@/lib/server/auth/actor";
import { getDb } from "@/lib/server/db";
import { isUniqueViolation } from "@/lib/server/db/prisma-errors";
import { ingestChanges, type ExternalChangeInput } from "@/lib/server/services/changes/ingest-changes";
import type { WebhookIntegration } from "@/lib/server/queries/integrations/get-webhook-integration";
import {
  deploymentChange,
  isSuccessfulDeployment,
  pullRequestEffect,
  pullRequestChange,
  serviceSlugFor,
} from "./github-mapping";
import { verifyGithubSignature } from "./webhook-auth";
import { accepted, parseJsonBody, processed, WebhookRejection, type WebhookContext } from "./webhook-request";

/**
 * One GitHub delivery: verify the signature over the raw body, answer `ping`, ignore
 * events and actions that are not changes (202), and turn a pull request (open: unshipped,
 * merged: shipped, closed: abandoned) or a successful deployment into a change — once per
 * X-GitHub-Delivery. Every update goes through ingestChanges, which re-decides approval.
 */
export async function receiveGithubDelivery(context: WebhookContext, headers: Headers): Promise<Response> {
  const { integration, rawBody, text } = context;
  if (!verifyGithubSignature(integration.secret, rawBody, headers.get("x-hub-signature-256"))) {
    throw new WebhookRejection(
      401,
      "The X-Hub-Signature-256 header is missing or does not match the body: check the secret configured in GitHub.",
    );
  }
  const event = headers.get("x-github-event");
  const deliveryId = headers.get("x-github-delivery");
  if (!event) throw new WebhookRejection(400, "The X-GitHub-Event header is missing.");
  const payload = parseJsonBody(text);
  if (event === "ping") return processed({ status: "pong", integration: integration.name });
  if (event !== "pull_request" && event !== "deployment_status")
    return accepted(
      "ignored",
      `Faultline does not use "${event}" events; it needs pull_request and deployment_status.`,
    );
  if (!deliveryId) throw new WebhookRejection(400, "The X-GitHub-Delivery header is missing.");

  const input =
    event === "pull_request"
      ? await pullRequestInput(integration, payload)
      : await deploymentInput(integration, payload);
  if (input === null)
    return accepted(
      "ignored",
      event === "pull_request"
        ? `The pull_request action "${(payload as { action?: string }).action}" changes nothing Faultline keeps.`
        : "Only successful deployment statuses are changes.",
    );

  const db = getDb();
  const seen = await db.processedDelivery.findUnique({
    where: { integrationId_deliveryKey: { integrationId: integration.id, deliveryKey: deliveryId } },
    select: { result: true },
  });
  if (seen) return processed({ status: "duplicate", deliveryId, result: seen.result });

  // ingestChanges is idempotent by (source, externalId): a concurrent retry of this delivery
  // ends with the same single change, and only one of the two records the delivery.
  const [outcome] = await ingestChanges(
    integrationActor(`GitHub integration ${integration.name}`, integration.createdById),
    [input.change],
  );
  const result = {
    changeId: outcome.id,
    externalId: outcome.externalId,
    outcome: outcome.outcome,
    aiDetectedBy: input.change.aiDetectedBy ?? null,
    unmappedLogin: input.unmappedLogin,
  };
  try {
    await db.processedDelivery.create({
      data: { integrationId: integration.id, deliveryKey: deliveryId, event, result },
    });
  } catch (error) {
    if (isUniqueViolation(error)) return processed({ status: "duplicate", deliveryId, result });
    throw error;
  }
  return processed({ status: "processed", deliveryId, result });
}

type Prepared = { change: ExternalChangeInput; unmappedLogin: string | null };

function config(integration: WebhookIntegration) {
  const parsed = githubConfigSchema.safeParse(integration.config ?? {});
  if (!parsed.success)
    throw new WebhookRejection(
      422,
      `The integration's settings are invalid (${describeIssues(parsed.error)}): save them again in Admin → Integrations.`,
    );
  return parsed.data;
}

async function resolveService(integration: WebhookIntegration, repository: string): Promise<number> {
  const slug = serviceSlugFor(config(integration), repository);
  if (!slug)
    throw new WebhookRejection(
      422,
      `Repository ${repository} is not mapped to a service and there is no default service: map it in Admin → Integrations, then redeliver.`,
    );
  const service = await getDb().service.findFirst({ where: { slug, archivedAt: null }, select: { id: true } });
  if (!service)
    throw new WebhookRejection(
      422,
      `Repository ${repository} maps to service "${slug}", which does not exist or is archived: fix the mapping in Admin → Integrations.`,
    );
  return service.id;
}

async function resolveAuthor(login: string | null): Promise<number | null> {
  if (!login) return null;
  const user = await getDb().user.findFirst({
    where: { githubLogin: { equals: login, mode: "insensitive" }, active: true },
    select: { id: true },
  });
  return user?.id ?? null;
}

async function pullRequestInput(integration: WebhookIntegration, payload: unknown): Promise<Prepared | null> {
  const parsed = githubPullRequestEventSchema.safeParse(payload);
  if (!parsed.success)
    throw new WebhookRejection(422, `Not a pull_request payload GitHub documents: ${describeIssues(parsed.error)}.`);
  const event = parsed.data;
  if (pullRequestEffect(event) === null) return null;
  const db = getDb();
  const [serviceId, authorId, rules, tools] = await Promise.all([
    resolveService(integration, event.repository.full_name),
    resolveAuthor(event.pull_request.user?.login ?? null),
    db.aiDetectionRule.findMany({ where: { active: true }, orderBy: [{ position: "asc" }, { id: "asc" }] }),
    db.aiTool.findMany({ where: { archivedAt: null }, select: { id: true, name: true, aliases: true } }),
  ]);
  const detection = detectAiAssistance(rules, tools, {
    labels: event.pull_request.labels.map((label) => label.name),
    body: event.pull_request.body ?? "",
  });
  const login = event.pull_request.user?.login ?? null;
  return {
    change: pullRequestChange(event, { serviceId, authorId, detection }),
    unmappedLogin: login && authorId === null ? login : null,
  };
}

async function deploymentInput(integration: WebhookIntegration, payload: unknown): Promise<Prepared | null> {
  const parsed = githubDeploymentStatusEventSchema.safeParse(payload);
  if (!parsed.success)
    throw new WebhookRejection(
      422,
      `Not a deployment_status payload GitHub documents: ${describeIssues(parsed.error)}.`,
    );
  const event = parsed.data;
  if (!isSuccessfulDeployment(event)) return null;
  const login = event.deployment.creator?.login ?? null;
  const [serviceId, authorId] = await Promise.all([
    resolveService(integration, event.repository.full_name),
    resolveAuthor(login),
  ]);
  return {
    change: deploymentChange(event, { serviceId, authorId }),
    unmappedLogin: login && authorId === null ? login : null,
  };
}
