import { apiChangeInputSchema, apiChangeListQuery } from "@/lib/schemas/api/changes";
import { apiRoute, json, queryObject, readJsonBody } from "@/lib/server/api/api-route";
import { rekeyIngestErrors, toExternalChanges } from "@/lib/server/api/change-inputs";
import { badCursor, changeFiltersOf } from "@/lib/server/api/list-filters";
import { parseApiInput } from "@/lib/server/api/parse";
import { assertCan } from "@/lib/server/permissions";
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

/** Registers a change, or updates the one with the same (source, externalId): 201 created, 200 updated or unchanged. */
export const POST = apiRoute("changes:write", async ({ request, actor, caller, origin }) => {
  assertCan(actor, "change:register");
  const input = parseApiInput(apiChangeInputSchema, await readJsonBody(request));
  if (input.attribution) checkAttributionEvidence(input.attribution, "attribution.");
  const [external] = await toExternalChanges([input], () => "");
  const [result] = await ingestChanges({ userId: actor.id, label: `API token ${caller.name}` }, [external]).catch(
    (error: unknown) => rekeyIngestErrors(error, () => ""),
  );
  if (input.attribution) await recordChangeAttribution({ actor, changeId: result.id, input: input.attribution });
  const change = await getApiChange(result.id, origin);
  return json({ ...change, outcome: result.outcome }, result.outcome === "created" ? 201 : 200, {
    location: `${origin}/api/v1/changes/${result.id}`,
  });
});
