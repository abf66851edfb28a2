import { z } from "zod";
import { apiPastInstant } from "./common";

/** A senior's decision through the API; the same rules as the approve/reject buttons. */
export const apiApprovalDecisionSchema = z
  .strictObject({
    decision: z.enum(["approve", "reject"], { error: "Use “approve” or “reject”." }),
    comment: z
      .string()
      .trim()
      .max(2000, "At most 2,000 characters.")
      .default("")
      .meta({ description: "Required (3+ characters) to reject: say what to change." }),
    version: z
      .number()
      .int()
      .positive()
      .optional()
      .meta({ description: "The change's version you reviewed; 409 if it changed since." }),
    decidedBy: z.string().trim().toLowerCase().email("The email of the person who decided.").max(320).optional().meta({
      description:
        "History import (`import` scope): the email of the person who decided in the other tool. The policy's rules still apply to them (approving level, not the author).",
      example: "senior@faultline.dev",
    }),
    decidedAt: apiPastInstant.optional().meta({
      description:
        "History import (`import` scope): when they decided. Compliance compares it with the change's shippedAt.",
      example: "2026-08-04T07:00:00Z",
    }),
  })
  .refine((value) => (value.decidedBy === undefined) === (value.decidedAt === undefined), {
    path: ["decidedAt"],
    message: "An imported decision names both who decided (decidedBy) and when (decidedAt).",
  })
  .refine((value) => value.decision === "approve" || value.comment.length >= 3, {
    path: ["comment"],
    message: "Say why you reject it, so the author knows what to change.",
  })
  .meta({ id: "ApprovalDecisionInput" });
export type ApiApprovalDecisionInput = z.infer<typeof apiApprovalDecisionSchema>;
