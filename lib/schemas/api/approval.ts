import { z } from "zod";

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
  })
  .refine((value) => value.decision === "approve" || value.comment.length >= 3, {
    path: ["comment"],
    message: "Say why you reject it, so the author knows what to change.",
  })
  .meta({ id: "ApprovalDecisionInput" });
export type ApiApprovalDecisionInput = z.infer<typeof apiApprovalDecisionSchema>;
