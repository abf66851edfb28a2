export const CHANGE_KINDS = ["DEPLOY", "PULL_REQUEST", "CONFIG", "FEATURE_FLAG", "INFRA"] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];
export const CHANGE_KIND_LABELS: Record<ChangeKind, string> = {
  DEPLOY: "Deploy",
  PULL_REQUEST: "Merged pull request",
  CONFIG: "Config change",
  FEATURE_FLAG: "Feature flag",
  INFRA: "Infrastructure",
};

export const AI_INVOLVEMENTS = ["SUGGESTED", "CO_AUTHORED", "AGENT_AUTHORED"] as const;
export type AiInvolvement = (typeof AI_INVOLVEMENTS)[number];
export const AI_INVOLVEMENT_LABELS: Record<AiInvolvement, string> = {
  SUGGESTED: "Suggested",
  CO_AUTHORED: "Co-authored",
  AGENT_AUTHORED: "Agent-authored",
};

export const LEVELS = ["JUNIOR", "MID", "SENIOR"] as const;
export type Level = (typeof LEVELS)[number];
export const LEVEL_LABELS: Record<Level, string> = { JUNIOR: "Junior", MID: "Mid-level", SENIOR: "Senior" };

export const APPROVAL_STATES = ["NOT_REQUIRED", "PENDING", "APPROVED", "REJECTED"] as const;
export type ApprovalState = (typeof APPROVAL_STATES)[number];
export const APPROVAL_STATE_LABELS: Record<ApprovalState, string> = {
  NOT_REQUIRED: "Not required",
  PENDING: "Waiting for approval",
  APPROVED: "Approved",
  REJECTED: "Rejected",
};
