import { apiChangeInputSchema, apiChangeListQuery } from "@/lib/schemas/api/changes";
import { apiRoute, json, queryObject, readJsonBody } from "@/lib/server/api/api-route";
import { ingestedToApiChange, toExternalChange } from "@/lib/server/api/change-inputs";
import { badCursor, changeFiltersOf } from "@/lib/server/api/list-filters";
import { parseApiInput } from "@/lib/server/api/parse";
import { getApiChange, listApiChanges } from "@/lib/server/queries/changes/api-changes";
import { getOrgSettings } from "@/lib/server/queries/settings/get-org-settings";
import {
  checkAttributionEvidence,
  recordChangeAttribution,
} from "@/lib/server/services/attribution/record-change-attribution";
import { ingestChanges } from "@/lib/server/services/changes/ingest-changes";

export const dynamic = "force-dynamic";

/** Changes, newest first, with the Changes page's filters; keyset pages. */
export const GET = apiRoute("read", async ({ request, origin }) => {
  const query = parseApiInput(apiChangeListQuery, queryObject(request), "Some query parameters need attention.");
  if (query.cursor !== undefined && !/^\d{1,9}$/.test(query.cursor)) badCursor();
  const filters = await changeFiltersOf(query);
  const { timeZone } = await getOrgSettings();
  return json(
    await listApiChanges({
      filters,
      timeZone,
      beforeId: query.cursor ? Number(query.cursor) : undefined,
      limit: query.limit,
      origin,
    }),
  );
});

/**
 * Registers a change, or updates the one with the same (source, externalId): 201 created, 200
 * updated or unchanged. The answer is built from what the write returned; only attribution
 * evidence (which may change the change) makes it read the change again.
 */
export const POST = apiRoute("changes:write", async ({ request, actor, origin }) => {
  const input = parseApiInput(apiChangeInputSchema, await readJsonBody(request));
  if (input.attribution) checkAttributionEvidence(input.attribution, "attribution.");
  const [result] = await ingestChanges(actor, [toExternalChange(input)], { pathOf: () => "" });
  let change = ingestedToApiChange(result.change, origin);
  if (input.attribution) {
    await recordChangeAttribution({ actor, changeId: result.id, input: input.attribution });
    change = (await getApiChange(result.id, origin)) ?? change;
  }
  return json({ ...change, outcome: result.outcome }, result.outcome === "created" ? 201 : 200, {
    location: `${origin}/api/v1/changes/${result.id}`,
  });
});
