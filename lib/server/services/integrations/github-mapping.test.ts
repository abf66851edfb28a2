import { describe, expect, it } from "vitest";
import {
  githubConfigSchema,
  updateAlertmanagerConfigSchema,
  updateGithubConfigSchema,
} from "@/lib/schemas/integration";
import { githubDeploymentStatusEventSchema, githubPullRequestEventSchema } from "@/lib/schemas/webhook-payloads";
import { deploymentStatusPayload, pullRequestPayload } from "@/lib/server/testing/webhook-payloads";
import {
  deploymentChange,
  isMergedPullRequest,
  isSuccessfulDeployment,
  pullRequestChange,
  serviceSlugFor,
} from "./github-mapping";
import { githubSignature, verifyBearer, verifyGithubSignature } from "./webhook-auth";

describe("signatures", () => {
  const body = Buffer.from(JSON.stringify(pullRequestPayload()));
  it("accepts GitHub's sha256 HMAC of the exact body and refuses anything else", () => {
    expect(verifyGithubSignature("s3cret", body, githubSignature("s3cret", body))).toBe(true);
    expect(verifyGithubSignature("other", body, githubSignature("s3cret", body))).toBe(false);
    expect(
      verifyGithubSignature("s3cret", Buffer.concat([body, Buffer.from(" ")]), githubSignature("s3cret", body)),
    ).toBe(false);
    expect(verifyGithubSignature("s3cret", body, null)).toBe(false);
    expect(verifyGithubSignature("s3cret", body, "sha1=abc")).toBe(false);
    expect(verifyGithubSignature("s3cret", body, "sha256=zz")).toBe(false);
  });
  it("checks the bearer credential", () => {
    expect(verifyBearer("tok", "Bearer tok")).toBe(true);
    expect(verifyBearer("tok", "bearer  tok ")).toBe(true);
    expect(verifyBearer("tok", "Bearer tok2")).toBe(false);
    expect(verifyBearer("tok", "Basic dG9r")).toBe(false);
    expect(verifyBearer("tok", null)).toBe(false);
  });
});

describe("pull request mapping", () => {
  it("parses GitHub's documented payload and maps a merged PR to a change shipped at merge", () => {
    const event = githubPullRequestEventSchema.parse(
      pullRequestPayload({ labels: ["ai-assisted"], login: "sam-senior" }),
    );
    expect(isMergedPullRequest(event)).toBe(true);
    const change = pullRequestChange(event, {
      serviceId: 7,
      authorId: 3,
      detection: { ruleId: 1, aiToolId: 2, involvement: "CO_AUTHORED", detectedBy: "label:ai-assisted" },
    });
    expect(change).toMatchObject({
      source: "github",
      externalId: "acme/checkout/pull/1347",
      kind: "PULL_REQUEST",
      serviceId: 7,
      authorId: 3,
      repository: "acme/checkout",
      externalUrl: "https://github.com/acme/checkout/pull/1347",
      aiAssisted: true,
      aiToolId: 2,
      aiDetectedBy: "label:ai-assisted",
      shippedAt: new Date("2026-11-20T14:32:10Z"),
    });
  });
  it("names an unmapped author in the description and leaves the author empty", () => {
    const event = githubPullRequestEventSchema.parse(pullRequestPayload({ login: "ghost-dev" }));
    const change = pullRequestChange(event, { serviceId: 7, authorId: null, detection: null });
    expect(change.authorId).toBeNull();
    expect(change.aiAssisted).toBe(false);
    expect(change.description).toContain("@ghost-dev is not mapped");
  });
  it("closed without merge is not a change", () => {
    expect(isMergedPullRequest(githubPullRequestEventSchema.parse(pullRequestPayload({ merged: false })))).toBe(false);
    expect(
      isMergedPullRequest(githubPullRequestEventSchema.parse(pullRequestPayload({ action: "opened", merged: false }))),
    ).toBe(false);
  });
  it("refuses a payload without the pull request", () => {
    expect(
      githubPullRequestEventSchema.safeParse({ action: "closed", number: 1, repository: { full_name: "a/b" } }).success,
    ).toBe(false);
  });
});

describe("deployment mapping", () => {
  it("maps a successful deployment status to a DEPLOY change", () => {
    const event = githubDeploymentStatusEventSchema.parse(deploymentStatusPayload({ deploymentId: 99 }));
    expect(isSuccessfulDeployment(event)).toBe(true);
    expect(deploymentChange(event, { serviceId: 7, authorId: null })).toMatchObject({
      externalId: "acme/checkout@deployment-99",
      kind: "DEPLOY",
      title: "Deploy e5bd391 of acme/checkout to production",
      shippedAt: new Date("2026-11-20T15:02:00Z"),
      externalUrl: "https://ci.example.com/deploys/99",
    });
    expect(
      isSuccessfulDeployment(githubDeploymentStatusEventSchema.parse(deploymentStatusPayload({ state: "failure" }))),
    ).toBe(false);
  });
});

describe("integration settings", () => {
  it("maps repositories case-insensitively with a default service", () => {
    const config = githubConfigSchema.parse({
      repositories: { "Acme/Checkout": "checkout" },
      defaultService: "platform",
    });
    expect(serviceSlugFor(config, "acme/checkout")).toBe("checkout");
    expect(serviceSlugFor(config, "acme/other")).toBe("platform");
    expect(serviceSlugFor(githubConfigSchema.parse({}), "acme/other")).toBeNull();
  });
  it("parses the admin's mapping lines and names bad lines", () => {
    const ok = updateGithubConfigSchema.parse({
      integrationId: "1",
      repositories: "# comment\nacme/checkout = checkout\n\nacme/api = api-gateway",
      defaultService: "",
    });
    expect(ok).toEqual({
      integrationId: 1,
      repositories: { "acme/checkout": "checkout", "acme/api": "api-gateway" },
      defaultService: null,
      apiBaseUrl: "https://api.github.com",
      clearStatusToken: false,
    });
    const bad = updateGithubConfigSchema.safeParse({
      integrationId: "1",
      repositories: "acme/checkout checkout\nnot a repo = x\nacme/a = Bad Slug!",
      defaultService: "",
    });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues.map((issue) => issue.message)).toEqual([
      'Line 1 ("acme/checkout checkout") is not "name = value".',
      'Line 2: "not a repo" is not a repository (owner/name).',
      'Line 3: "Bad Slug!" is not a service slug.',
    ]);
    const severities = updateAlertmanagerConfigSchema.safeParse({
      integrationId: "1",
      severityLabel: "severity",
      severities: "critical = sev1\nwarning = SEV 3\nlow = SEV9",
      defaultSeverity: "SEV3",
      serviceLabel: "",
      services: "",
      defaultService: "checkout",
    });
    expect(severities.error?.issues.map((issue) => issue.message)).toEqual([
      'Line 3: "SEV9" is not a severity (SEV1 to SEV4).',
    ]);
  });
});
