import "server-only";
import { DEFAULT_AI_RULES } from "@/lib/domain/ai-detection";
import { DEFAULT_SEVERITY_MAPPING } from "@/lib/domain/alert-groups";
import type { CreateIntegrationInput } from "@/lib/schemas/integration";
import type { SessionUser } from "@/lib/server/auth/session-user";
import { getDb } from "@/lib/server/db";
import { isUniqueViolation } from "@/lib/server/db/prisma-errors";
import { AppError } from "@/lib/server/errors";
import { assertCan } from "@/lib/server/permissions";
import { writeAudit } from "@/lib/server/services/audit/write-audit";
import { newIntegrationSecret } from "./webhook-auth";

/**
 * Creates an inbound webhook source and returns its secret (shown to the admin once). The
 * first GitHub integration of an organisation without AI detection rules also gets the
 * default rules, so that labels and trailers work before anyone edits them.
 */
export async function createIntegration(options: {
  actor: SessionUser;
  input: CreateIntegrationInput;
}): Promise<{ id: number; secret: string }> {
  assertCan(options.actor, "integrations:manage");
  const { actor, input } = options;
  const secret = newIntegrationSecret();
  const config =
    input.kind === "GITHUB"
      ? { repositories: {}, defaultService: null }
      : { ...DEFAULT_SEVERITY_MAPPING, serviceLabel: "service", services: {}, defaultService: null };
  try {
    return await getDb().$transaction(async (tx) => {
      const row = await tx.integration.create({
        data: { kind: input.kind, name: input.name, secret, config, createdById: actor.id },
        select: { id: true },
      });
      let defaultRules = 0;
      if (input.kind === "GITHUB" && (await tx.aiDetectionRule.count()) === 0) {
        ({ count: defaultRules } = await tx.aiDetectionRule.createMany({
          data: DEFAULT_AI_RULES.map((rule, position) => ({ ...rule, position })),
        }));
      }
      await writeAudit(tx, {
        actorId: actor.id,
        action: "integration.created",
        entityType: "Integration",
        entityId: row.id,
        after: { kind: input.kind, name: input.name, config, defaultAiRules: defaultRules },
      });
      return { id: row.id, secret };
    });
  } catch (error) {
    if (isUniqueViolation(error))
      throw new AppError("VALIDATION", "Another integration already has this name.", {
        fieldErrors: { name: ["Choose a name no other integration uses."] },
      });
    throw error;
  }
}
