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

  it("documents what the API really sends: 503 with Retry-After, ETag, Idempotency-Replayed, RateLimit-Policy", () => {
    type Response = { headers?: Record<string, unknown> };
    const op = (route: string, method: string) =>
      (document.paths?.[route] as Record<string, { responses: Record<string, Response> }>)[method];
    for (const [route, item] of Object.entries(document.paths ?? {})) {
      if (route.startsWith("/webhooks/")) continue;
      for (const [method, operation] of Object.entries(item ?? {})) {
        const responses = (operation as { responses: Record<string, Response> }).responses;
        expect(responses["503"]?.headers, `${method} ${route} 503`).toHaveProperty("Retry-After");
        const success = Object.entries(responses).find(([status]) => status.startsWith("2"))![1];
        expect(success.headers, `${method} ${route}`).toHaveProperty("RateLimit-Policy");
      }
    }
    expect(op("/incidents/{id}", "get").responses["200"].headers).toHaveProperty("ETag");
    expect(op("/incidents/{id}", "patch").responses["200"].headers).toHaveProperty("ETag");
    expect(op("/incidents", "post").responses["201"].headers).toHaveProperty("Idempotency-Replayed");
    expect(op("/incidents/{id}/timeline", "post").responses["201"].headers).toHaveProperty("Idempotency-Replayed");
  });

  it("types every path id as an integer and every yes/no query flag as a boolean", () => {
    type Parameter = { in: string; name: string; schema: { type?: string; maximum?: number } };
    const parameters = Object.values(document.paths ?? {}).flatMap((item) =>
      Object.values(item ?? {}).flatMap((operation) => (operation as { parameters?: Parameter[] }).parameters ?? []),
    );
    const ids = parameters.filter((p) => p.in === "path" && /id$/i.test(p.name));
    expect(ids.length).toBeGreaterThanOrEqual(8);
    for (const p of ids) expect(p.schema, p.name).toMatchObject({ type: "integer", maximum: 2147483647 });
    const flags = parameters.filter((p) => p.in === "query" && ["ai", "blast", "violation", "failed"].includes(p.name));
    expect(flags.length).toBe(5);
    for (const p of flags) expect(p.schema.type, p.name).toBe("boolean");
  });
});
