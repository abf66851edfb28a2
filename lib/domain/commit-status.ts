// What Faultline reports on a pull request's head commit (context `faultline/approval`), so
// branch protection can require it. Pure: the queue and the worker do the I/O.
import type { ApprovalState } from "./approval-policy";

export const COMMIT_STATUS_CONTEXT = "faultline/approval";
export type CommitStatusState = "pending" | "success" | "failure";

export function commitStatusFor(approvalState: ApprovalState): { state: CommitStatusState; description: string } {
  switch (approvalState) {
    case "PENDING":
      return { state: "pending", description: "Waiting for approval: needs a senior's approval" };
    case "APPROVED":
      return { state: "success", description: "Approved by a senior engineer" };
    case "REJECTED":
      return { state: "failure", description: "Rejected: revise it and ask for approval again" };
    default:
      return { state: "success", description: "Approval not required" };
  }
}

/** `POST {base}/repos/{owner}/{repo}/statuses/{sha}`; the repository is `owner/repo`. */
export function commitStatusUrl(apiBaseUrl: string, repository: string, sha: string): string {
  const [owner, repo] = repository.split("/");
  return `${apiBaseUrl.replace(/\/+$/, "")}/repos/${encodeURIComponent(owner)}/${encodeURIComponent(repo)}/statuses/${encodeURIComponent(sha)}`;
}
