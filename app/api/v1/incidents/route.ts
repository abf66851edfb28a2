import {
  apiIncidentCreateSchema,
  apiIncidentListQuery,
  IMPORT_ONLY_INCIDENT_FIELDS,
} from "@/lib/schemas/api/incidents";
import { apiRoute, json, queryObject, readJsonText } from "@/lib/server/api/api-route";
import { withIdempotencyKey } from "@/lib/server/api/idempotency";
import { badCursor, incidentFiltersOf } from "@/lib/server/api/list-filters";
import { parseApiInput } from "@/lib/server/api/parse";
import { normaliseName, resolveServices, throwIfErrors } from "@/lib/server/api/resolve-references";
import { assertTokenScope } from "@/lib/server/auth/require-api-token";
import type { FieldErrors } from "@/lib/server/errors";
import { getApiIncident, listApiIncidents } from "@/lib/server/queries/incidents/api-incidents";
import { decodeCursor } from "@/lib/server/queries/incidents/list-incidents";
import { getOrgSettings } from "@/lib/server/queries/settings/get-org-settings";
import { declareIncidentInTx } from "@/lib/server/services/incidents/declare-incident";
import { importIncidentInTx } from "@/lib/server/services/incidents/import-incident";

export const dynamic = "force-dynamic";

/** Incidents, newest impact first, with the Incidents page's filters; keyset pages. */
export const GET = apiRoute("read", async ({ request, origin }) => {
  const query = parseApiInput(apiIncidentListQuery, queryObject(request), "Some query parameters need attention.");
  const after = decodeCursor(query.cursor);
  if (query.cursor !== undefined && !after) badCursor();
  const filters = await incidentFiltersOf(query);
  const { timeZone } = await getOrgSettings();
  return json(await listApiIncidents({ filters, timeZone, after, limit: query.limit, origin }));
});

/** Declares an incident (as the token's creator) in one transaction. Send `Idempotency-Key` to make retries safe. */
export const POST = apiRoute("incidents:write", async ({ request, actor, caller, origin }) => {
  const body = await readJsonText(request);
  return withIdempotencyKey(request, { tokenId: caller.tokenId, body: body.text }, async (tx) => {
    const input = parseApiInput(apiIncidentCreateSchema, body.value);
    const errors: FieldErrors = {};
    const services = await resolveServices(
      input.services.map((value, index) => ({ key: `services.${index}`, value })),
      errors,
      { client: tx },
    );
    throwIfErrors(errors);
    const serviceIds = [...new Set(input.services.map((slug) => services.get(normaliseName(slug))!))];
    // History from another tool (its own times, source + externalId): the `import` scope, idempotent.
    if (IMPORT_ONLY_INCIDENT_FIELDS.some((field) => input[field] !== undefined)) {
      assertTokenScope(caller, "import");
      const date = (value: string | undefined) => (value === undefined ? undefined : new Date(value));
      const imported = await importIncidentInTx(tx, actor, {
        source: input.source!,
        externalId: input.externalId!,
        title: input.title,
        severity: input.severity,
        impactStartedAt: new Date(input.impactStartedAt),
        detectedAt: date(input.detectedAt),
        mitigatedAt: date(input.mitigatedAt),
        resolvedAt: date(input.resolvedAt),
        reviewCompletedAt: date(input.reviewCompletedAt),
        serviceIds,
      });
      const incident = (await getApiIncident(imported.id, origin, tx))!;
      return {
        status: imported.outcome === "created" ? 201 : 200,
        body: incident,
        headers: { location: `${origin}/api/v1/incidents/${imported.id}`, etag: `"${incident.version}"` },
      };
    }
    const { id } = await declareIncidentInTx(tx, actor, {
      title: input.title,
      severity: input.severity,
      impactStartedAt: new Date(input.impactStartedAt),
      serviceIds,
    });
    const incident = (await getApiIncident(id, origin, tx))!;
    return {
      status: 201,
      body: incident,
      headers: { location: `${origin}/api/v1/incidents/${id}`, etag: `"${incident.version}"` },
    };
  });
});
