import { z } from "zod";
import { isoInstant } from "./dates";

// The parts of GitHub's and Alertmanager's documented payloads that Faultline reads.
// Unknown fields are ignored (both senders add fields over time).

const githubUser = z.object({ login: z.string().min(1) });
const repository = z.object({ full_name: z.string().min(3).max(200) });

/** `pull_request` event (https://docs.github.com/webhooks/webhook-events-and-payloads#pull_request). */
export const githubPullRequestEventSchema = z.object({
  action: z.string(),
  number: z.number().int().positive(),
  repository,
  pull_request: z.object({
    number: z.number().int().positive(),
    html_url: z.url(),
    title: z.string().min(1).max(500),
    body: z.string().nullable().optional(),
    user: githubUser.nullable(),
    labels: z.array(z.object({ name: z.string() })).default([]),
    merged: z.boolean().nullable().optional(),
    merged_at: isoInstant().nullable().optional(),
    closed_at: isoInstant().nullable().optional(),
    merge_commit_sha: z.string().nullable().optional(),
    head: z.object({ sha: z.string().regex(/^[0-9a-f]{40}$/i, "a 40-character commit SHA") }),
  }),
});
export type GithubPullRequestEvent = z.infer<typeof githubPullRequestEventSchema>;

/** `deployment_status` event (action "created"; the state is in deployment_status.state). */
export const githubDeploymentStatusEventSchema = z.object({
  action: z.string().optional(),
  repository,
  deployment: z.object({
    id: z.number().int(),
    sha: z.string().min(7).max(64),
    ref: z.string().optional(),
    environment: z.string().optional(),
    description: z.string().nullable().optional(),
    creator: githubUser.nullable().optional(),
  }),
  deployment_status: z.object({
    id: z.number().int(),
    state: z.string(),
    environment: z.string().optional(),
    created_at: isoInstant(),
    log_url: z.string().optional(),
    target_url: z.string().optional(),
    environment_url: z.string().optional(),
  }),
});
export type GithubDeploymentStatusEvent = z.infer<typeof githubDeploymentStatusEventSchema>;

const labels = z.record(z.string(), z.string());

/** Alertmanager webhook_config body, version 4 (https://prometheus.io/docs/alerting/latest/configuration/#webhook_config). */
export const alertmanagerPayloadSchema = z.object({
  version: z.literal("4", { error: 'Only the version "4" webhook payload is supported.' }),
  groupKey: z.string().min(1).max(2000),
  truncatedAlerts: z.number().int().nonnegative().optional(),
  status: z.enum(["firing", "resolved"]),
  receiver: z.string().optional(),
  groupLabels: labels.default({}),
  commonLabels: labels.default({}),
  commonAnnotations: labels.default({}),
  externalURL: z.string().optional(),
  alerts: z
    .array(
      z.object({
        status: z.enum(["firing", "resolved"]),
        labels,
        annotations: labels.default({}),
        startsAt: isoInstant(),
        endsAt: z.string().optional(),
        generatorURL: z.string().optional(),
        fingerprint: z.string().min(1).max(200),
      }),
    )
    .min(1)
    .max(1000),
});
export type AlertmanagerPayload = z.infer<typeof alertmanagerPayloadSchema>;

/** One line per problem, e.g. `pull_request.merged_at: Invalid ISO datetime`. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.length ? issue.path.join(".") : "body"}: ${issue.message}`)
    .join("; ");
}
