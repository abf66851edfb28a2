import { buildOpenApiDocument } from "@/lib/openapi/document";
import { publicOrigin } from "@/lib/server/api/api-route";

export const dynamic = "force-dynamic";

/** The OpenAPI 3.1 document; public (it holds no data), so tools can fetch it without a token. */
export function GET(request: Request): Response {
  return Response.json(buildOpenApiDocument(publicOrigin(request)), {
    headers: { "cache-control": "public, max-age=300" },
  });
}
