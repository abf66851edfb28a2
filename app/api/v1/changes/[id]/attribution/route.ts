import { apiAttributionInputSchema, MAX_ATTRIBUTION_BODY_BYTES } from "@/lib/schemas/api/attribution";
import { apiRoute, json, pathId, readJsonBody } from "@/lib/server/api/api-route";
import { parseApiInput } from "@/lib/server/api/parse";
import { AppError } from "@/lib/server/errors";
import { assertCan } from "@/lib/server/permissions";
import { getApiAttribution } from "@/lib/server/queries/attribution/get-api-attribution";
import { recordChangeAttribution } from "@/lib/server/services/attribution/record-change-attribution";

export const dynamic = "force-dynamic";

const NOT_FOUND = "No change with this id. List changes with GET /api/v1/changes.";

/** The attribution evidence stored for a change (404 when there is none). */
export const GET = apiRoute<{ id: string }>("read", async ({ params, actor }) => {
  assertCan(actor, "change:read");
  const attribution = await getApiAttribution(pathId(params.id, NOT_FOUND));
  if (!attribution) throw new AppError("NOT_FOUND", "No attribution evidence has been posted for this change.");
  return json(attribution);
});

/** Posts attribution evidence (git-ai note, Agent Trace record, Entire checkpoint, trailers); replaces earlier evidence. */
export const POST = apiRoute<{ id: string }>("changes:write", async ({ request, params, actor }) => {
  const changeId = pathId(params.id, NOT_FOUND);
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > MAX_ATTRIBUTION_BODY_BYTES) {
    throw new AppError(
      "VALIDATION",
      `The body is larger than ${MAX_ATTRIBUTION_BODY_BYTES.toLocaleString("en")} bytes.`,
      {
        fieldErrors: { _body: ["Too large: post the evidence of one commit at a time."] },
      },
    );
  }
  const input = parseApiInput(apiAttributionInputSchema, await readJsonBody(request));
  return json(await recordChangeAttribution({ actor, changeId, input }));
});
