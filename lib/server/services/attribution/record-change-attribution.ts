import "server-only";
import { aiShareBand, evidenceVerdict } from "@/lib/domain/attribution/ai-share";
import { AttributionError } from "@/lib/domain/attribution/attribution-error";
import { parseEvidence } from "@/lib/domain/attribution/parse-evidence";
import type { AttributionSummary } from "@/lib/domain/attribution/summary";
import { MAX_STORED_LINES, type ApiAttribution, type ApiAttributionInput } from "@/lib/schemas/api/attribution";
import type { SessionUser } from "@/lib/server/auth/session-user";
import { getDb } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import { assertCan } from "@/lib/server/permissions";
import { writeAudit } from "@/lib/server/services/audit/write-audit";
import { policyInForce, reevaluateChangeApproval } from "@/lib/server/services/approvals/reevaluate-change-approval";
import { requireApprovalForEvidence } from "./require-approval-for-evidence";

/** The field a parse error belongs to, for the problem details' `errors`. */
const EVIDENCE_FIELD = {
  "git-ai": "note",
  "agent-trace": "record",
  entire: "checkpoint",
  trailers: "coAuthors",
} as const;

/**
 * Stores measured attribution for a change (replacing earlier evidence) and applies the policy:
 * evidence above the threshold in force makes the change AI-assisted whatever was declared,
 * flags the disagreement, and may make approval required.
 */
export async function recordChangeAttribution(options: {
  actor: SessionUser;
  changeId: number;
  input: ApiAttributionInput;
}): Promise<ApiAttribution> {
  assertCan(options.actor, "change:register");
  const { actor, changeId, input } = options;
  const summary = summarise(input);
  const coAuthors = input.coAuthors ?? [];

  return getDb().$transaction(async (tx) => {
    // One writer per change at a time: two CI jobs posting at once serialise here.
    const locked = await tx.$queryRaw<{ id: number }[]>`SELECT id FROM "Change" WHERE id = ${changeId} FOR UPDATE`;
    if (locked.length === 0)
      throw new AppError("NOT_FOUND", "No change with this id. List changes with GET /api/v1/changes.");
    const change = await tx.change.findUniqueOrThrow({
      where: { id: changeId },
      select: {
        id: true,
        title: true,
        authorId: true,
        authorLevel: true,
        aiToolId: true,
        aiInvolvement: true,
        aiAssisted: true,
        aiDetectedBy: true,
        serviceId: true,
        headSha: true,
        approvalRequired: true,
        approvalState: true,
        approverId: true,
        shippedAt: true,
        attribution: { select: { declaredAiAssisted: true, mismatch: true, aiShare: true, source: true } },
      },
    });
    const policy = await policyInForce(tx);

    // What people declared: the flag as it stands, unless earlier evidence set it (evidence only ever sets it).
    const setByEvidence = change.aiDetectedBy?.startsWith("attribution:") ?? false;
    const declared = change.aiAssisted && !setByEvidence;
    const verdict = evidenceVerdict(declared, summary.aiShare, policy.aiShareThreshold);
    const data = {
      source: summary.source,
      schemaVersion: summary.schemaVersion,
      commitSha: input.commitSha?.toLowerCase() ?? null,
      aiLines: summary.aiLines,
      humanLines: summary.humanLines,
      totalLines: summary.totalLines,
      aiShare: summary.aiShare,
      agents: summary.agents,
      coAuthors,
      declaredAiAssisted: declared,
      mismatch: verdict.mismatch,
      thresholdApplied: policy.aiShareThreshold,
      recordedById: actor.id,
      recordedAt: new Date(),
    };
    const stored = await tx.changeAttribution.upsert({
      where: { changeId },
      create: { changeId, ...data },
      update: data,
    });

    let approvalNowRequired = false;
    if (verdict.aiAssisted !== change.aiAssisted) {
      await tx.change.update({
        where: { id: changeId },
        data: {
          aiAssisted: verdict.aiAssisted,
          aiDetectedBy: verdict.aiAssisted ? `attribution:${summary.source}` : null,
          version: { increment: 1 },
        },
      });
      if (!change.shippedAt) {
        // Not shipped: AI assistance is a material fact, decided again as for any other edit.
        const result = await reevaluateChangeApproval(tx, {
          before: change,
          after: { ...change, aiAssisted: verdict.aiAssisted },
          policy,
          actor: { userId: actor.id },
        });
        approvalNowRequired = result?.newlyRequested ?? false;
      } else if (verdict.aiAssisted) {
        // Shipped: the evidence is about the code as it shipped, not a later edit. If it needed a
        // senior's approval it shipped without one — a violation the evidence uncovers.
        approvalNowRequired = await requireApprovalForEvidence(tx, change, policy, actor.id);
      }
    }
    await writeAudit(tx, {
      actorId: actor.id,
      action: "change.attribution_recorded",
      entityType: "Change",
      entityId: changeId,
      before: { aiAssisted: change.aiAssisted, attribution: change.attribution },
      after: {
        aiAssisted: verdict.aiAssisted,
        source: summary.source,
        aiShare: summary.aiShare,
        aiLines: summary.aiLines,
        totalLines: summary.totalLines,
        mismatch: verdict.mismatch,
        threshold: policy.aiShareThreshold,
        approvalNowRequired,
      },
    });
    return {
      changeId,
      source: summary.source,
      schemaVersion: stored.schemaVersion,
      commitSha: stored.commitSha,
      aiLines: stored.aiLines,
      humanLines: stored.humanLines,
      totalLines: stored.totalLines,
      aiShare: stored.aiShare,
      band: aiShareBand(stored.aiShare),
      agents: summary.agents,
      coAuthors,
      declaredAiAssisted: declared,
      aiAssisted: verdict.aiAssisted,
      mismatch: verdict.mismatch,
      thresholdApplied: stored.thresholdApplied,
      recordedAt: stored.recordedAt.toISOString(),
    };
  });
}

/**
 * Parses evidence without storing it: the change routes call it before they write, so a bad
 * `attribution` field is a 422 under `prefix` (e.g. "changes.3.attribution.") and nothing is saved.
 */
export function checkAttributionEvidence(input: ApiAttributionInput, prefix: string): void {
  try {
    summarise(input);
  } catch (error) {
    if (!(error instanceof AppError) || !error.fieldErrors) throw error;
    const fieldErrors = Object.fromEntries(Object.entries(error.fieldErrors).map(([k, v]) => [`${prefix}${k}`, v]));
    throw new AppError("VALIDATION", error.message, { fieldErrors });
  }
}

function summarise(input: ApiAttributionInput): AttributionSummary {
  let summary: AttributionSummary;
  try {
    summary = parseEvidence(input, "totalLines" in input ? (input.totalLines ?? null) : null);
  } catch (error) {
    if (!(error instanceof AttributionError)) throw error;
    throw new AppError("VALIDATION", error.message, {
      fieldErrors: { [EVIDENCE_FIELD[input.format]]: [error.message] },
    });
  }
  if (summary.totalLines > MAX_STORED_LINES) {
    const message = `The evidence claims ${summary.totalLines.toLocaleString("en")} lines; Faultline stores at most ${MAX_STORED_LINES.toLocaleString("en")} per change. Check the note's line ranges.`;
    throw new AppError("VALIDATION", message, { fieldErrors: { [EVIDENCE_FIELD[input.format]]: [message] } });
  }
  // Trailers add agents to the line evidence; they never change the counts.
  if (input.format !== "trailers" && input.coAuthors?.length) {
    const known = new Set(summary.agents.map((agent) => agent.tool));
    const extra = parseEvidence({ format: "trailers", coAuthors: input.coAuthors }, null).agents.filter(
      (agent) => !known.has(agent.tool),
    );
    summary = { ...summary, agents: [...summary.agents, ...extra] };
  }
  return summary;
}
