import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildOpenApiDocument } from "./document";

const API_DIR = path.join(import.meta.dirname, "../../app/api/v1");
// The document does not describe itself.
const UNDOCUMENTED = new Set(["/openapi.json GET"]);

/** Every exported HTTP method of every app/api/v1/**\/route.ts, as "/path/{param} METHOD". */
function routeOperations(dir = API_DIR): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return routeOperations(full);
    if (entry.name !== "route.ts") return [];
    const route = `/${path.relative(API_DIR, path.dirname(full)).split(path.sep).join("/")}`.replace(
      /\[(\w+)\]/g,
      "{$1}",
    );
    const source = readFileSync(full, "utf8");
    const methods = [...source.matchAll(/export (?:const|async function|function) (GET|POST|PUT|PATCH|DELETE)\b/g)].map(
      (m) => m[1],
    );
    return methods.map((method) => `${route} ${method}`);
  });
}

describe("OpenAPI document", () => {
  const document = buildOpenApiDocument("https://faultline.example.com");

  it("is OpenAPI 3.1 with the bearer scheme and the problem-details schema", () => {
    expect(document.openapi).toBe("3.1.0");
    expect(document.components?.securitySchemes?.bearer).toMatchObject({ type: "http", scheme: "bearer" });
    expect(document.components?.schemas?.Problem).toMatchObject({
      type: "object",
      required: expect.arrayContaining(["type", "title", "status", "detail"]),
    });
    expect(document.servers?.[0].url).toBe("https://faultline.example.com/api/v1");
  });

  it("lists every route handler under app/api/v1 and nothing that does not exist", () => {
    const routes = routeOperations()
      .filter((op) => !UNDOCUMENTED.has(op))
      .sort();
    expect(routes.length).toBeGreaterThanOrEqual(16);
    const documented = Object.entries(document.paths ?? {})
      .flatMap(([route, item]) =>
        Object.keys(item ?? {})
          .filter((k) => ["get", "post", "put", "patch", "delete"].includes(k))
          .map((method) => `${route} ${method.toUpperCase()}`),
      )
      .sort();
    expect(documented).toEqual(routes);
  });

  it("documents 401, 403 and 429 as problem details on every token operation (401 on webhooks), and a success answer", () => {
    for (const [route, item] of Object.entries(document.paths ?? {})) {
      for (const [method, operation] of Object.entries(item ?? {})) {
        const responses = (
          operation as {
            responses: Record<string, { content?: Record<string, unknown>; headers?: Record<string, unknown> }>;
          }
        ).responses;
        const where = `${method.toUpperCase()} ${route}`;
        expect(responses["401"]?.content, `${where} 401`).toHaveProperty(["application/problem+json"]);
        expect(
          Object.keys(responses).some((status) => status.startsWith("2")),
          where,
        ).toBe(true);
        if (route.startsWith("/webhooks/")) continue;
        for (const status of ["401", "403", "429"])
          expect(responses[status]?.content, `${where} ${status}`).toHaveProperty(["application/problem+json"]);
        expect(responses["429"].headers, where).toHaveProperty("Retry-After");
      }
    }
  });
});
