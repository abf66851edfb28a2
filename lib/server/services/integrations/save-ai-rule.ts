import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { SaveAiRuleInput } from "@/lib/schemas/integration";
import type { SessionUser } from "@/lib/server/auth/session-user";
import { getDb } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import { assertCan } from "@/lib/server/permissions";
import { writeAudit } from "@/lib/server/services/audit/write-audit";

const RULE_FIELDS = {
  id: true,
  kind: true,
  pattern: true,
  aiToolId: true,
  involvement: true,
  position: true,
  active: true,
} as const;

async function lockRules(tx: Prisma.TransactionClient) {
  // Positions are renumbered as a whole: one editor at a time.
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('faultline:ai-rules'))`;
}

/** Adds a rule at the end, or edits one (kind, pattern, tool, involvement). */
export async function saveAiRule(options: { actor: SessionUser; input: SaveAiRuleInput }): Promise<{ id: number }> {
  assertCan(options.actor, "integrations:manage");
  const { actor, input } = options;
  return getDb().$transaction(async (tx) => {
    await lockRules(tx);
    if (input.aiToolId !== null && !(await tx.aiTool.count({ where: { id: input.aiToolId, archivedAt: null } }))) {
      throw new AppError("VALIDATION", "This AI tool is archived or gone.", {
        fieldErrors: { aiToolId: ["Pick a tool from the list, or none."] },
      });
    }
    const data = { kind: input.kind, pattern: input.pattern, aiToolId: input.aiToolId, involvement: input.involvement };
    if (input.ruleId === null) {
      const last = await tx.aiDetectionRule.aggregate({ _max: { position: true } });
      const row = await tx.aiDetectionRule.create({
        data: { ...data, position: (last._max.position ?? -1) + 1 },
        select: RULE_FIELDS,
      });
      await writeAudit(tx, {
        actorId: actor.id,
        action: "ai_rule.created",
        entityType: "AiDetectionRule",
        entityId: row.id,
        after: row,
      });
      return { id: row.id };
    }
    const before = await tx.aiDetectionRule.findUnique({ where: { id: input.ruleId }, select: RULE_FIELDS });
    if (!before) throw new AppError("NOT_FOUND", "This rule does not exist (any more). Reload the page.");
    const after = await tx.aiDetectionRule.update({ where: { id: input.ruleId }, data, select: RULE_FIELDS });
    await writeAudit(tx, {
      actorId: actor.id,
      action: "ai_rule.updated",
      entityType: "AiDetectionRule",
      entityId: after.id,
      before,
      after,
    });
    return { id: after.id };
  });
}

/** Swaps a rule with its neighbour; positions become 0..n-1 in the new order. */
export async function moveAiRule(options: {
  actor: SessionUser;
  ruleId: number;
  direction: "up" | "down";
}): Promise<void> {
  assertCan(options.actor, "integrations:manage");
  await getDb().$transaction(async (tx) => {
    await lockRules(tx);
    const rules = await tx.aiDetectionRule.findMany({
      orderBy: [{ position: "asc" }, { id: "asc" }],
      select: { id: true, position: true },
    });
    const index = rules.findIndex((rule) => rule.id === options.ruleId);
    if (index < 0) throw new AppError("NOT_FOUND", "This rule does not exist (any more). Reload the page.");
    const target = options.direction === "up" ? index - 1 : index + 1;
    if (target < 0 || target >= rules.length) return;
    [rules[index], rules[target]] = [rules[target], rules[index]];
    for (const [position, rule] of rules.entries()) {
      if (rule.position !== position) await tx.aiDetectionRule.update({ where: { id: rule.id }, data: { position } });
    }
    await writeAudit(tx, {
      actorId: options.actor.id,
      action: "ai_rule.moved",
      entityType: "AiDetectionRule",
      entityId: options.ruleId,
      after: { order: rules.map((rule) => rule.id) },
    });
  });
}

export async function setAiRuleActive(options: { actor: SessionUser; ruleId: number; active: boolean }): Promise<void> {
  assertCan(options.actor, "integrations:manage");
  await getDb().$transaction(async (tx) => {
    const before = await tx.aiDetectionRule.findUnique({ where: { id: options.ruleId }, select: { active: true } });
    if (!before) throw new AppError("NOT_FOUND", "This rule does not exist (any more). Reload the page.");
    if (before.active === options.active) return;
    await tx.aiDetectionRule.update({ where: { id: options.ruleId }, data: { active: options.active } });
    await writeAudit(tx, {
      actorId: options.actor.id,
      action: options.active ? "ai_rule.activated" : "ai_rule.deactivated",
      entityType: "AiDetectionRule",
      entityId: options.ruleId,
      before,
      after: { active: options.active },
    });
  });
}
