import "server-only";
import { randomUUID } from "node:crypto";
import { COMMIT_STATUS_CONTEXT, commitStatusFor, commitStatusUrl } from "@/lib/domain/commit-status";
import type { Prisma } from "@/lib/generated/prisma/client";
import { githubConfigSchema } from "@/lib/schemas/integration";
import { appUrl } from "@/lib/server/services/webhooks/app-url";

export const COMMIT_STATUS_EVENT = "github.commit_status";

export type CommitStatusPayload = {
  url: string;
  repository: string;
  sha: string;
  changeId: number;
  body: { state: string; target_url: string; description: string; context: string };
};

/**
 * Queues the commit status of an open pull request's head commit, in the caller's
 * transaction, for the GitHub integration that has a status token (the one mapping the
 * repository first). A status equal to the last one queued is not queued again; older
 * statuses still waiting are superseded, so GitHub ends with the newest.
 */
export async function queueCommitStatus(tx: Prisma.TransactionClient, changeId: number): Promise<void> {
  const change = await tx.change.findUnique({
    where: { id: changeId },
    select: {
      source: true,
      kind: true,
      repository: true,
      headSha: true,
      approvalState: true,
      shippedAt: true,
      abandonedAt: true,
    },
  });
  if (!change || change.source !== "github" || !change.repository || !change.headSha) return;
  if (change.shippedAt || change.abandonedAt) return;
  const integrations = await tx.integration.findMany({
    where: { kind: "GITHUB", active: true, statusToken: { not: null } },
    select: { id: true, config: true },
    orderBy: { id: "asc" },
  });
  const wanted = change.repository.toLowerCase();
  const candidates = integrations.map((integration) => ({
    id: integration.id,
    config: githubConfigSchema.safeParse(integration.config ?? {}),
  }));
  const chosen =
    candidates.find(
      (c) => c.config.success && Object.keys(c.config.data.repositories).some((name) => name.toLowerCase() === wanted),
    ) ?? candidates.find((c) => c.config.success);
  if (!chosen || !chosen.config.success) return;

  const status = commitStatusFor(change.approvalState);
  const prefix = `commit-status:${changeId}:`;
  const last = await tx.outboundDelivery.findFirst({
    where: { integrationId: chosen.id, eventId: { startsWith: prefix } },
    orderBy: { id: "desc" },
    select: { payload: true },
  });
  const previous = last?.payload as CommitStatusPayload | undefined;
  if (previous && previous.sha === change.headSha && previous.body.state === status.state) return;

  await tx.outboundDelivery.updateMany({
    where: {
      integrationId: chosen.id,
      eventId: { startsWith: prefix },
      status: "PENDING",
      OR: [{ lockedUntil: null }, { lockedUntil: { lt: new Date() } }],
    },
    data: { status: "FAILED", lastError: "Superseded by a newer status before it was sent." },
  });
  const payload: CommitStatusPayload = {
    url: commitStatusUrl(chosen.config.data.apiBaseUrl, change.repository, change.headSha),
    repository: change.repository,
    sha: change.headSha,
    changeId,
    body: {
      state: status.state,
      target_url: appUrl(`/changes/${changeId}`),
      description: status.description,
      context: COMMIT_STATUS_CONTEXT,
    },
  };
  await tx.outboundDelivery.create({
    data: { integrationId: chosen.id, event: COMMIT_STATUS_EVENT, eventId: `${prefix}${randomUUID()}`, payload },
  });
}
