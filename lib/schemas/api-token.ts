import { z } from "zod";
import { recordId } from "./ids";

export const createApiTokenSchema = z.object({
  name: z
    .string()
    .trim()
    .min(3, "Name the token after what uses it, e.g. “GitHub Actions deploy”.")
    .max(100, "Keep the name under 100 characters."),
  scopes: z
    .array(z.enum(["read", "changes:write", "incidents:write", "approve", "import"]))
    .min(1, "Pick at least one scope."),
});
export type CreateApiTokenInput = z.infer<typeof createApiTokenSchema>;

export const revokeApiTokenSchema = z.object({ tokenId: recordId() });
export type RevokeApiTokenInput = z.infer<typeof revokeApiTokenSchema>;

/** One way to name the change: its external id (and source), or a repository with a PR number or a commit. */
export const deployGateQuerySchema = z
  .object({
    externalId: z.string().trim().min(1).max(200).optional(),
    source: z.string().trim().min(1).max(100).optional(),
    repository: z
      .string()
      .trim()
      .regex(/^[\w.-]+\/[\w.-]+$/, "Pass the repository as owner/name, e.g. acme/checkout.")
      .optional(),
    pr: z.coerce.number().int("Pass the pull request's number.").positive("Pass the pull request's number.").optional(),
    sha: z
      .string()
      .trim()
      .regex(/^[0-9a-fA-F]{7,40}$/, "Pass a commit SHA (7 to 40 hexadecimal characters).")
      .transform((sha) => sha.toLowerCase())
      .optional(),
  })
  .superRefine((query, ctx) => {
    const byRepository = query.pr !== undefined || query.sha !== undefined;
    if (query.externalId === undefined && !byRepository)
      ctx.addIssue({
        code: "custom",
        path: ["externalId"],
        message: "Pass `externalId`, or `repository` with `pr` or `sha`.",
      });
    if (byRepository && query.repository === undefined)
      ctx.addIssue({
        code: "custom",
        path: ["repository"],
        message: "Pass `repository` (owner/name) with `pr` or `sha`.",
      });
    if (query.pr !== undefined && query.sha !== undefined)
      ctx.addIssue({ code: "custom", path: ["sha"], message: "Pass either `pr` or `sha`, not both." });
    if (query.externalId !== undefined && byRepository)
      ctx.addIssue({
        code: "custom",
        path: ["externalId"],
        message: "Pass either `externalId` or `repository` with `pr`/`sha`.",
      });
  });
export type DeployGateQuery = z.infer<typeof deployGateQuerySchema>;
