// Realistic webhook bodies, shaped after GitHub's "Webhook events and payloads"
// (pull_request, deployment_status) and Alertmanager's webhook_config JSON (version 4).
// Dependency-free so that Vitest and Playwright specs can both import it.

type PullRequestOptions = {
  repository?: string;
  number?: number;
  title?: string;
  body?: string | null;
  login?: string;
  labels?: string[];
  action?: string;
  merged?: boolean;
  mergedAt?: string;
  headSha?: string;
};

const user = (login: string, id = 583231) => ({
  login,
  id,
  node_id: "MDQ6VXNlcjU4MzIzMQ==",
  avatar_url: `https://avatars.githubusercontent.com/u/${id}?v=4`,
  gravatar_id: "",
  url: `https://api.github.com/users/${login}`,
  html_url: `https://github.com/${login}`,
  type: "User",
  site_admin: false,
});

const repo = (fullName: string) => {
  const [owner, name] = fullName.split("/");
  return {
    id: 1296269,
    node_id: "MDEwOlJlcG9zaXRvcnkxMjk2MjY5",
    name,
    full_name: fullName,
    private: true,
    owner: user(owner, 9919),
    html_url: `https://github.com/${fullName}`,
    description: "Checkout service",
    fork: false,
    url: `https://api.github.com/repos/${fullName}`,
    default_branch: "main",
    visibility: "private",
  };
};

export function pullRequestPayload(options: PullRequestOptions = {}) {
  const repository = options.repository ?? "acme/checkout";
  const number = options.number ?? 1347;
  const merged = options.merged ?? true;
  const mergedAt = options.mergedAt ?? "2026-11-20T14:32:10Z";
  const login = options.login ?? "octocat";
  return {
    action: options.action ?? "closed",
    number,
    pull_request: {
      url: `https://api.github.com/repos/${repository}/pulls/${number}`,
      id: 1_934_120_000 + number,
      node_id: "PR_kwDOABCD1234",
      html_url: `https://github.com/${repository}/pull/${number}`,
      diff_url: `https://github.com/${repository}/pull/${number}.diff`,
      number,
      state: (options.action ?? "closed") === "closed" ? "closed" : "open",
      locked: false,
      title: options.title ?? "Retry payment capture on gateway timeouts",
      user: user(login),
      body:
        options.body === undefined
          ? "Retries capture up to 3 times with jitter.\n\n## Checklist\n- [x] Tests added\n- [ ] AI assistance used"
          : options.body,
      created_at: "2026-11-19T09:12:44Z",
      updated_at: mergedAt,
      closed_at: (options.action ?? "closed") === "closed" ? mergedAt : null,
      merged_at: merged ? mergedAt : null,
      merge_commit_sha: "e5bd3914e2e596debea16f433f57875b5b90bcd6",
      assignee: null,
      assignees: [],
      requested_reviewers: [],
      labels: (options.labels ?? []).map((name, index) => ({
        id: 208045946 + index,
        node_id: "MDU6TGFiZWwyMDgwNDU5NDY=",
        url: `https://api.github.com/repos/${repository}/labels/${encodeURIComponent(name)}`,
        name,
        color: "f29513",
        default: false,
        description: null,
      })),
      draft: false,
      head: {
        label: `${login}:retry-capture`,
        ref: "retry-capture",
        sha: options.headSha ?? "6dcb09b5b57875f334f61aebed695e2e4193db5e",
        user: user(login),
        repo: repo(repository),
      },
      base: {
        label: "acme:main",
        ref: "main",
        sha: "9049f1265b7d61be4a8904a9a27120d2064dab3b",
        user: user("acme", 9919),
        repo: repo(repository),
      },
      author_association: "MEMBER",
      auto_merge: null,
      merged,
      mergeable: null,
      merged_by: merged ? user("release-bot", 4242) : null,
      comments: 2,
      review_comments: 1,
      commits: 3,
      additions: 120,
      deletions: 14,
      changed_files: 5,
    },
    repository: repo(repository),
    sender: user(login),
  };
}

export function deploymentStatusPayload(
  options: {
    repository?: string;
    state?: string;
    deploymentId?: number;
    sha?: string;
    environment?: string;
    login?: string;
    createdAt?: string;
  } = {},
) {
  const repository = options.repository ?? "acme/checkout";
  const deploymentId = options.deploymentId ?? 145988746;
  const sha = options.sha ?? "e5bd3914e2e596debea16f433f57875b5b90bcd6";
  const environment = options.environment ?? "production";
  const createdAt = options.createdAt ?? "2026-11-20T15:02:00Z";
  const creator = user(options.login ?? "octocat");
  return {
    action: "created",
    deployment_status: {
      url: `https://api.github.com/repos/${repository}/deployments/${deploymentId}/statuses/1`,
      id: 2_600_000_000 + deploymentId,
      node_id: "DES_kwDOABCD",
      state: options.state ?? "success",
      creator,
      description: "Deployment finished successfully.",
      environment,
      target_url: `https://ci.example.com/deploys/${deploymentId}`,
      created_at: createdAt,
      updated_at: createdAt,
      deployment_url: `https://api.github.com/repos/${repository}/deployments/${deploymentId}`,
      repository_url: `https://api.github.com/repos/${repository}`,
      environment_url: "https://checkout.example.com",
      log_url: `https://ci.example.com/deploys/${deploymentId}`,
    },
    deployment: {
      url: `https://api.github.com/repos/${repository}/deployments/${deploymentId}`,
      id: deploymentId,
      node_id: "DE_kwDOABCD",
      task: "deploy",
      original_environment: environment,
      environment,
      description: null,
      created_at: "2026-11-20T14:58:00Z",
      updated_at: createdAt,
      statuses_url: `https://api.github.com/repos/${repository}/deployments/${deploymentId}/statuses`,
      repository_url: `https://api.github.com/repos/${repository}`,
      creator,
      sha,
      ref: "main",
      payload: {},
      transient_environment: false,
      production_environment: true,
    },
    repository: repo(repository),
    sender: creator,
  };
}

type Alert = {
  alertname?: string;
  severity?: string;
  service?: string;
  fingerprint: string;
  startsAt: string;
  endsAt?: string;
  status?: "firing" | "resolved";
  summary?: string;
};

export function alertmanagerPayload(options: {
  status?: "firing" | "resolved";
  groupKey?: string;
  alerts: Alert[];
  summary?: string;
}) {
  const status = options.status ?? "firing";
  const alerts = options.alerts.map((alert) => {
    const labels: Record<string, string> = {
      alertname: alert.alertname ?? "CheckoutErrorRate",
      instance: "checkout-7d9f:9090",
      job: "checkout",
    };
    if (alert.severity) labels.severity = alert.severity;
    if (alert.service) labels.service = alert.service;
    return {
      status: alert.status ?? status,
      labels,
      annotations: {
        summary: alert.summary ?? `High error rate on ${labels.instance}`,
        description: "5xx ratio above 5% for 5 minutes.",
      },
      startsAt: alert.startsAt,
      endsAt: alert.endsAt ?? "0001-01-01T00:00:00Z",
      generatorURL:
        "http://prometheus.example.com:9090/graph?g0.expr=job%3Acheckout_errors%3Aratio5m+%3E+0.05&g0.tab=1",
      fingerprint: alert.fingerprint,
    };
  });
  const common =
    alerts.length === 1
      ? alerts[0].labels
      : { alertname: alerts[0]?.labels.alertname ?? "CheckoutErrorRate", job: "checkout" };
  return {
    receiver: "faultline",
    status,
    alerts,
    groupLabels: { alertname: common.alertname },
    commonLabels: common,
    commonAnnotations: options.summary
      ? { summary: options.summary }
      : alerts.length === 1
        ? alerts[0].annotations
        : {},
    externalURL: "http://alertmanager.example.com:9093",
    version: "4",
    groupKey: options.groupKey ?? '{}/{severity=~"critical|warning"}:{alertname="CheckoutErrorRate"}',
    truncatedAlerts: 0,
  };
}
