// From GitHub payloads to Faultline changes: pure functions (no I/O), tested on their own.
import type { AiDetection } from "@/lib/domain/ai-detection";
import type { GithubConfig } from "@/lib/schemas/integration";
import type { GithubDeploymentStatusEvent, GithubPullRequestEvent } from "@/lib/schemas/webhook-payloads";
import type { ExternalChangeInput } from "@/lib/server/services/changes/ingest-changes";

export const GITHUB_SOURCE = "github";
const DESCRIPTION_LIMIT = 10_000;

/** The service slug a repository maps to (names compared case-insensitively), else the default. */
export function serviceSlugFor(config: GithubConfig, repository: string): string | null {
  const wanted = repository.toLowerCase();
  const hit = Object.entries(config.repositories).find(([name]) => name.toLowerCase() === wanted);
  return hit?.[1] ?? config.defaultService;
}

/** Only a closed pull request that was merged has shipped. */
export const isMergedPullRequest = (event: GithubPullRequestEvent) =>
  event.action === "closed" && event.pull_request.merged === true;

const OPEN_ACTIONS = new Set([
  "opened",
  "reopened",
  "synchronize",
  "edited",
  "labeled",
  "unlabeled",
  "ready_for_review",
]);

/**
 * What a pull_request event does to its change: an open pull request is an unshipped change
 * (created or updated, head commit included); merged ships it; closed unmerged abandons it.
 * Other actions (assigned, review_requested …) change nothing Faultline keeps.
 */
export function pullRequestEffect(event: GithubPullRequestEvent): "upsert" | "ship" | "abandon" | null {
  if (event.action === "closed") return event.pull_request.merged === true ? "ship" : "abandon";
  return OPEN_ACTIONS.has(event.action) ? "upsert" : null;
}

/** A pull request's key: GitHub's own path, with no character a URL would cut ("#"). */
export const pullRequestExternalId = (repository: string, number: number) => `${repository}/pull/${number}`;

type Resolved = { serviceId: number; authorId: number | null; detection: AiDetection | null };

/**
 * A pull request is a change from the moment it is opened, unshipped, with its head commit;
 * merged, it ships at merged_at (GitHub tells us when code reached the default branch, not
 * when it was deployed: docs/decisions/009); closed unmerged, it is abandoned.
 */
export function pullRequestChange(event: GithubPullRequestEvent, resolved: Resolved): ExternalChangeInput {
  const pr = event.pull_request;
  const repository = event.repository.full_name;
  const login = pr.user?.login ?? null;
  const effect = pullRequestEffect(event);
  const lines = [
    `Pull request #${pr.number} in ${repository}${login ? ` by @${login}` : ""}.`,
    login && resolved.authorId === null
      ? `GitHub user @${login} is not mapped to a Faultline user (Admin → Integrations → GitHub logins).`
      : null,
    pr.body?.trim() ? `\n${pr.body.trim()}` : null,
  ].filter((line): line is string => line !== null);
  return {
    source: GITHUB_SOURCE,
    externalId: pullRequestExternalId(repository, pr.number),
    pullRequestNumber: pr.number,
    headSha: pr.head.sha.toLowerCase(),
    kind: "PULL_REQUEST",
    title: pr.title.slice(0, 200),
    serviceId: resolved.serviceId,
    description: lines.join("\n").slice(0, DESCRIPTION_LIMIT),
    externalUrl: pr.html_url,
    repository,
    authorId: resolved.authorId,
    aiAssisted: resolved.detection !== null,
    aiToolId: resolved.detection?.aiToolId ?? null,
    aiInvolvement: resolved.detection?.involvement ?? null,
    aiDetectedBy: resolved.detection?.detectedBy ?? null,
    shippedAt: effect === "ship" ? (pr.merged_at ? new Date(pr.merged_at) : new Date()) : null,
    abandonedAt: effect === "abandon" ? (pr.closed_at ? new Date(pr.closed_at) : new Date()) : null,
  };
}

/** Only a successful deployment status records a deploy; pending, failure and the rest are ignored. */
export const isSuccessfulDeployment = (event: GithubDeploymentStatusEvent) =>
  event.deployment_status.state === "success";

/** A successful deployment is a DEPLOY change `<repo>@deployment-<id>`, shipped when the status says so. */
export function deploymentChange(
  event: GithubDeploymentStatusEvent,
  resolved: Omit<Resolved, "detection">,
): ExternalChangeInput {
  const { deployment, deployment_status: status } = event;
  const repository = event.repository.full_name;
  const environment = status.environment || deployment.environment || "production";
  const link =
    [status.log_url, status.target_url, status.environment_url].find((url) => url && /^https?:\/\//.test(url)) ?? null;
  return {
    source: GITHUB_SOURCE,
    externalId: `${repository}@deployment-${deployment.id}`,
    kind: "DEPLOY",
    title: `Deploy ${deployment.sha.slice(0, 7)} of ${repository} to ${environment}`.slice(0, 200),
    serviceId: resolved.serviceId,
    description: [
      `Deployment ${deployment.id} of ${deployment.ref ?? deployment.sha} (${deployment.sha}) to ${environment}.`,
      deployment.description?.trim() || null,
    ]
      .filter(Boolean)
      .join("\n"),
    externalUrl: link,
    repository,
    authorId: resolved.authorId,
    shippedAt: new Date(status.created_at),
  };
}
