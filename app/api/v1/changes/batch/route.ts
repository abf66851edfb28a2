import { apiChangeBatchSchema } from "@/lib/schemas/api/changes";
import { apiRoute, json, readJsonBody } from "@/lib/server/api/api-route";
import { toExternalChange } from "@/lib/server/api/change-inputs";
import { parseApiInput } from "@/lib/server/api/parse";
import {
  checkAttributionEvidence,
  recordChangeAttribution,
} from "@/lib/server/services/attribution/record-change-attribution";
import { ingestChanges } from "@/lib/server/services/changes/ingest-changes";

export const dynamic = "force-dynamic";

const pathOf = (index: number) => `changes.${index}.`;

/**
 * Up to 1,000 changes in one transaction: all or nothing. A retried batch creates nothing
 * twice (its rows come back "unchanged"). Answers 200 with one outcome per item, in order.
 */
export const POST = apiRoute("changes:write", async ({ request, actor, origin }) => {
  const { changes } = parseApiInput(
    apiChangeBatchSchema,
    await readJsonBody(request),
    "Some changes need attention; nothing was saved.",
  );
  changes.forEach((change, index) => {
    if (change.attribution) checkAttributionEvidence(change.attribution, `${pathOf(index)}attribution.`);
  });
  const outcomes = await ingestChanges(actor, changes.map(toExternalChange), { pathOf });
  // Evidence after the batch's transaction, one change at a time (each its own transaction).
  for (const [index, change] of changes.entries()) {
    if (change.attribution)
      await recordChangeAttribution({ actor, changeId: outcomes[index].id, input: change.attribution });
  }
  const count = (outcome: string) => new Set(outcomes.filter((o) => o.outcome === outcome).map((o) => o.id)).size;
  return json({
    created: count("created"),
    updated: count("updated"),
    unchanged: count("unchanged"),
    results: outcomes.map((o, index) => ({
      index,
      id: o.id,
      source: o.source,
      externalId: o.externalId,
      outcome: o.outcome,
      url: `${origin}/changes/${o.id}`,
    })),
  });
});
