import { z } from "zod";
import { APPROVAL_STATES } from "@/lib/domain/change";

export const apiDeployGateSchema = z
  .object({
    decision: z.enum(["allow", "deny"]),
    reason: z.enum(["approval_not_required", "approved", "needs_approval", "rejected", "unknown_change"]),
    message: z.string().meta({ description: "A sentence for the CI log." }),
    change: z.object({ id: z.number().int(), url: z.url(), approvalState: z.enum(APPROVAL_STATES) }).nullable(),
  })
  .meta({ id: "DeployGateDecision" });

export const apiDeployGateQuery = z.object({
  externalId: z.string().min(1).max(200).optional().meta({
    description: "The id CI registered the change under (or pass repository with pr or sha).",
    example: "deploy-8841",
  }),
  repository: z
    .string()
    .optional()
    .meta({ description: "owner/name of a GitHub repository, with `pr` or `sha`.", example: "acme/checkout" }),
  pr: z.coerce
    .number()
    .int()
    .positive()
    .optional()
    .meta({ description: "Pull request number in `repository`.", example: 123 }),
  sha: z.string().optional().meta({
    description: "Head commit of a pull request in `repository` (7–40 hex characters).",
    example: "6dcb09b5b578",
  }),
  source: z
    .string()
    .min(1)
    .max(100)
    .optional()
    .meta({ description: "Pass it when several systems could use the same id.", example: "github-actions" }),
});
