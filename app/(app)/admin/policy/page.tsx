import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { AdminHeader } from "@/components/admin/admin-header";
import { ApprovalPolicyForm } from "@/components/admin/approval-policy-form";
import { Panel } from "@/components/ui/panel";
import { formatDateTime } from "@/lib/domain/format";
import { requirePageUser } from "@/lib/server/auth/require-user";
import { can } from "@/lib/server/permissions";
import { getApprovalPolicy } from "@/lib/server/queries/approvals/get-approval-policy";
import { getOrgSettings } from "@/lib/server/queries/settings/get-org-settings";

export const metadata: Metadata = { title: "Approval policy" };

export default async function ApprovalPolicyPage() {
  const user = await requirePageUser("/admin/policy");
  if (!can(user.role, "settings:manage")) {
    forbidden();
  }
  const [policy, { timeZone }] = await Promise.all([getApprovalPolicy(), getOrgSettings()]);
  return (
    <div className="space-y-6">
      <AdminHeader current="/admin/policy" />
      <Panel title={`Approval policy — version ${policy.id}`}>
        <p className="mb-5 text-sm text-slate-600">
          In force since {formatDateTime(policy.createdAt, timeZone)}
          {policy.createdBy ? `, set by ${policy.createdBy.name}` : " (default)"}. Saving creates a new version for
          changes registered from then on; changes already registered keep the policy they were registered under. Every
          version is in the audit log.
        </p>
        <ApprovalPolicyForm policy={policy} />
      </Panel>
    </div>
  );
}
