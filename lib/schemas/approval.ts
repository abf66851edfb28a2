import { z } from "zod";
import { recordId } from "./ids";
import { AI_INVOLVEMENTS, LEVELS } from "@/lib/domain/change";

export const decideApprovalSchema = z
  .object({
    changeId: recordId(),
    decision: z.enum(["APPROVED", "REJECTED"], { error: "Choose approve or reject." }),
    comment: z.string().trim().max(2000, "Keep the comment under 2,000 characters.").default(""),
    /** The version the approver looked at: a change edited since is not approved blind (409). */
    version: z.coerce.number().int().positive().optional(),
  })
  .refine((v) => v.decision === "APPROVED" || v.comment.length >= 3, {
    path: ["comment"],
    message: "Say why you reject it, so the author knows what to change.",
  });
export type DecideApprovalInput = z.infer<typeof decideApprovalSchema>;

export const requestApprovalSchema = z.object({
  changeId: recordId(),
  title: z
    .string()
    .trim()
    .min(3, "Give the change a title of at least 3 characters.")
    .max(300, "Keep the title under 300 characters."),
  comment: z
    .string()
    .trim()
    .min(3, "Say what you changed since the rejection.")
    .max(2000, "Keep the comment under 2,000 characters."),
});
export type RequestApprovalInput = z.infer<typeof requestApprovalSchema>;

const levels = z.array(z.enum(LEVELS)).default([]);
/** Self-approval is not a setting: an author never approves their own change. */
export const updateApprovalPolicySchema = z.object({
  levelsRequiring: levels,
  approverLevels: levels.refine((v) => v.length > 0, "At least one level must be able to approve."),
  exemptInvolvements: z.array(z.enum(AI_INVOLVEMENTS)).default([]),
  /** Like GitHub's "dismiss stale reviews". Absent: on (the default). */
  dismissStaleApprovals: z
    .enum(["yes", "no"], { error: "Choose whether a material change dismisses an approval." })
    .optional()
    .transform((value) => (value === undefined ? undefined : value === "yes")),
  /** Attribution evidence above this AI share (percent) makes a change AI-assisted; absent keeps the current one. */
  aiSharePercent: z.preprocess(
    (value) => (value === "" || value === null ? undefined : value),
    z.coerce
      .number({ error: "A whole number of percent, 0–100." })
      .int("A whole number of percent, 0–100.")
      .min(0, "At least 0 %.")
      .max(100, "At most 100 %.")
      .optional(),
  ),
});
export type UpdateApprovalPolicyInput = Omit<z.infer<typeof updateApprovalPolicySchema>, "dismissStaleApprovals"> & {
  dismissStaleApprovals?: boolean;
};
