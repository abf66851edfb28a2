import type { Metadata } from "next";
import Link from "next/link";
import { describeShippedWithoutApproval } from "@/lib/domain/approval-wording";
import { DecideApprovalForm } from "@/components/approvals/approval-forms";
import { ComplianceStrip } from "@/components/approvals/compliance-strip";
import { AiBadge } from "@/components/changes/change-badges";
import { DataTable, EmptyState } from "@/components/ui/table";
import { canApproveChange } from "@/lib/domain/approval-policy";
import { CHANGE_KIND_LABELS, LEVEL_LABELS } from "@/lib/domain/change";
import { formatDateTime } from "@/lib/domain/format";
import { requirePageUser } from "@/lib/server/auth/require-user";
import { getApprovalPolicy } from "@/lib/server/queries/approvals/get-approval-policy";
import { getComplianceSummary } from "@/lib/server/queries/approvals/get-compliance-summary";
import { countShippedWhilePending, listPendingApprovals } from "@/lib/server/queries/approvals/list-pending-approvals";
import { getOrgSettings } from "@/lib/server/queries/settings/get-org-settings";

export const metadata: Metadata = { title: "Approvals" };

export default async function ApprovalsPage() {
  const user = await requirePageUser("/approvals");
  const { timeZone } = await getOrgSettings();
  const [pending, shippedWhilePending, policy, compliance] = await Promise.all([
    listPendingApprovals(),
    countShippedWhilePending(),
    getApprovalPolicy(),
    getComplianceSummary(timeZone),
  ]);
  const mayApprove = policy.approverLevels.includes(user.level);

  return (
    <div className="space-y-5">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Approvals</h1>
        <p className="mt-1 text-sm text-slate-600">
          AI-assisted changes by{" "}
          {policy.levelsRequiring.map((l) => LEVEL_LABELS[l].toLowerCase()).join(" and ") || "no"} engineers wait here
          for a {policy.approverLevels.map((l) => LEVEL_LABELS[l].toLowerCase()).join(" or ")} engineer other than the
          author. Oldest first.
        </p>
      </div>
      {!mayApprove ? (
        <p className="rounded-md bg-amber-50 px-4 py-3 text-sm text-amber-900 ring-1 ring-inset ring-amber-600/20">
          You can follow the queue, but only{" "}
          {policy.approverLevels.map((l) => LEVEL_LABELS[l].toLowerCase()).join(" or ")} engineers can approve. Your
          level is {LEVEL_LABELS[user.level].toLowerCase()}.
        </p>
      ) : null}
      <ComplianceStrip weeks={compliance.weeks} notShipped={compliance.notShipped} />
      {shippedWhilePending > 0 ? (
        <p className="text-sm text-slate-600">
          {describeShippedWithoutApproval(shippedWhilePending)}: policy violations, not in the queue.{" "}
          <Link href="/changes?violation=1&approval=PENDING" className="text-indigo-600 underline">
            See them
          </Link>
        </p>
      ) : null}
      {pending.length === 0 ? (
        <EmptyState>Nothing waits for approval.</EmptyState>
      ) : (
        <DataTable columns={["Change", "Author", "AI", "Waiting since", "Decision"]} stackOnPhone>
          {pending.map((change) => {
            const check = canApproveChange({ id: user.id, level: user.level, active: true }, change, policy);
            return (
              <tr key={change.id} className="align-top">
                <td className="max-w-md px-4 py-3">
                  <Link href={`/changes/${change.id}`} className="font-medium text-slate-900 hover:text-indigo-600">
                    {change.title}
                  </Link>
                  <div className="mt-0.5 text-xs text-slate-500">
                    #{change.id} · {CHANGE_KIND_LABELS[change.kind]} · {change.service.name}
                    {change.repository ? ` · ${change.repository}` : ""}
                  </div>
                  {change.externalUrl ? (
                    <a
                      href={change.externalUrl}
                      target="_blank"
                      rel="noreferrer"
                      className="mt-1 inline-block text-xs text-indigo-600 underline"
                    >
                      View the diff
                    </a>
                  ) : null}
                </td>
                <td className="whitespace-nowrap px-4 py-3">
                  {change.author?.name ?? "Unknown"}
                  <div className="text-xs text-slate-500">
                    {change.authorLevel ? LEVEL_LABELS[change.authorLevel] : "level unknown"}
                  </div>
                </td>
                <td className="px-4 py-3">
                  <AiBadge aiAssisted toolName={change.aiTool?.name} involvement={change.aiInvolvement} />
                </td>
                <td className="whitespace-nowrap px-4 py-3 text-slate-600">
                  {formatDateTime(change.createdAt, timeZone)}
                </td>
                <td className="w-72 px-4 py-3">
                  {check.ok ? (
                    <DecideApprovalForm changeId={change.id} title={change.title} version={change.version} />
                  ) : (
                    <span className="text-xs text-slate-500">
                      {change.authorId === user.id
                        ? "Your change: someone else approves it."
                        : "Needs an approving-level engineer."}
                    </span>
                  )}
                </td>
              </tr>
            );
          })}
        </DataTable>
      )}
    </div>
  );
}
