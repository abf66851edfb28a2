import { z } from "zod";

export const createApiTokenSchema = z.object({
  name: z
    .string()
    .trim()
    .min(3, "Name the token after what uses it, e.g. “GitHub Actions deploy”.")
    .max(100, "Keep the name under 100 characters."),
  scopes: z.array(z.enum(["read", "changes:write", "incidents:write", "import"])).min(1, "Pick at least one scope."),
});
export type CreateApiTokenInput = z.infer<typeof createApiTokenSchema>;

export const revokeApiTokenSchema = z.object({ tokenId: z.coerce.number().int().positive() });
export type RevokeApiTokenInput = z.infer<typeof revokeApiTokenSchema>;

export const deployGateQuerySchema = z.object({
  externalId: z
    .string({ error: "Pass the change's external id as `externalId`." })
    .trim()
    .min(1, "Pass the change's external id as `externalId`.")
    .max(200),
  source: z.string().trim().min(1).max(100).optional(),
});
export type DeployGateQuery = z.infer<typeof deployGateQuerySchema>;
