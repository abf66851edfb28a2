import "server-only";
import { detectAiAssistance } from "@/lib/domain/ai-detection";
import { githubConfigSchema } from "@/lib/schemas/integration";
import {
  describeIssues,
  githubDeploymentStatusEventSchema,
  githubPullRequestEventSchema,
} from "@/lib/schemas/webhook-payloads";
import { integrationActor } from "@/lib/server/auth/actor";
import type { Prisma } from "@/lib/generated/prisma/client";
import { getDb } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import { isUniqueViolation } from "@/lib/server/db/prisma-errors";
import { ingestChangesInTx, type ExternalChangeInput } from "@/lib/server/services/changes/ingest-changes";
import type { WebhookIntegration } from "@/lib/server/queries/integrations/get-webhook-integration";
import {
  deploymentChange,
  isSuccessfulDeployment,
  pullRequestEffect,
  pullRequestChange,
  serviceSlugFor,
} from "./github-mapping";
import { verifyGithubSignature } from "./webhook-auth";

/** What the door hands over: the integration, the exact bytes (the signature covers them), the parsed body and header values. */
export type GithubDeliveryInput = {
  integration: WebhookIntegration;
  rawBody: Buffer;
  payload: unknown;
  /** X-Hub-Signature-256, X-GitHub-Event, X-GitHub-Delivery. */
  signature: string | null;
  event: string | null;
  deliveryId: string | null;
};

export type GithubDeliveryResult =
  | { status: "pong"; integration: string }
  | { status: "ignored"; reason: string }
  | { status: "processed" | "duplicate"; deliveryId: string; result: unknown };

/**
 * One GitHub delivery: verify the signature over the raw body, answer `ping`, ignore
 * events and actions that are not changes, and turn a pull request (open: unshipped,
 * merged: shipped, closed: abandoned) or a successful deployment into a change — once per
 * delivery id. The change and the delivery's record are written in one transaction through
 * ingestChangesInTx (as the integration), which re-decides approval.
 */
export async function receiveGithubDelivery(input: GithubDeliveryInput): Promise<GithubDeliveryResult> {
  const { integration, rawBody, payload, event, deliveryId } = input;
  if (!verifyGithubSignature(integration.secret, rawBody, input.signature))
    throw new AppError(
      "UNAUTHENTICATED",
      "The X-Hub-Signature-256 header is missing or does not match the body: check the secret configured in GitHub.",
    );
  if (!event) throw new AppError("BAD_REQUEST", "The X-GitHub-Event header is missing.");
  if (event === "ping") return { status: "pong", integration: integration.name };
  if (event !== "pull_request" && event !== "deployment_status")
    return {
      status: "ignored",
      reason: `Faultline does not use "${event}" events; it needs pull_request and deployment_status.`,
    };
  if (!deliveryId) throw new AppError("BAD_REQUEST", "The X-GitHub-Delivery header is missing.");

  const prepared =
    event === "pull_request"
      ? await pullRequestInput(integration, payload)
      : await deploymentInput(integration, payload);
  if (prepared === null)
    return {
      status: "ignored",
      reason:
        event === "pull_request"
          ? `The pull_request action "${(payload as { action?: string }).action}" changes nothing Faultline keeps.`
          : "Only successful deployment statuses are changes.",
    };

  const db = getDb();
  const seen = await db.processedDelivery.findUnique({
    where: { integrationId_deliveryKey: { integrationId: integration.id, deliveryKey: deliveryId } },
    select: { result: true },
  });
  if (seen) return { status: "duplicate", deliveryId, result: seen.result };

  // The change and the delivery's record commit together. A concurrent retry of this delivery
  // waits on the record's unique key and, once this one commits, fails on it: its (identical)
  // change write is rolled back with it, and it answers "duplicate".
  const actor = integrationActor(`GitHub integration ${integration.name}`, integration.createdById);
  let result: Record<string, unknown> = {};
  try {
    await db.$transaction(async (tx) => {
      const [outcome] = await ingestChangesInTx(tx, actor, { changes: [prepared.change] });
      result = {
        changeId: outcome.id,
        externalId: outcome.externalId,
        outcome: outcome.outcome,
        aiDetectedBy: prepared.change.aiDetectedBy ?? null,
        unmappedLogin: prepared.unmappedLogin,
      };
      await tx.processedDelivery.create({
        data: {
          integrationId: integration.id,
          deliveryKey: deliveryId,
          event,
          result: result as Prisma.InputJsonObject,
        },
      });
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const first = await db.processedDelivery.findUnique({
      where: { integrationId_deliveryKey: { integrationId: integration.id, deliveryKey: deliveryId } },
      select: { result: true },
    });
    return { status: "duplicate", deliveryId, result: first?.result ?? result };
  }
  return { status: "processed", deliveryId, result };
}

type Prepared = { change: ExternalChangeInput; unmappedLogin: string | null };

function config(integration: WebhookIntegration) {
  const parsed = githubConfigSchema.safeParse(integration.config ?? {});
  if (!parsed.success)
    throw new AppError(
      "VALIDATION",
      `The integration's settings are invalid (${describeIssues(parsed.error)}): save them again in Admin → Integrations.`,
    );
  return parsed.data;
}

async function resolveService(integration: WebhookIntegration, repository: string): Promise<number> {
  const slug = serviceSlugFor(config(integration), repository);
  if (!slug)
    throw new AppError(
      "VALIDATION",
      `Repository ${repository} is not mapped to a service and there is no default service: map it in Admin → Integrations, then redeliver.`,
    );
  const service = await getDb().service.findFirst({ where: { slug, archivedAt: null }, select: { id: true } });
  if (!service)
    throw new AppError(
      "VALIDATION",
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
    throw new AppError("VALIDATION", `Not a pull_request payload GitHub documents: ${describeIssues(parsed.error)}.`);
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
    throw new AppError(
      "VALIDATION",
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
