import { expect, type APIRequestContext, type APIResponse } from "@playwright/test";
import { z } from "zod";

// Checks real answers against the OpenAPI document the server publishes: the response schema
// of (path, method, status) is taken from /api/v1/openapi.json, its $refs inlined, and turned
// back into a validator with zod's JSON Schema reader. Extra or missing fields, wrong types,
// enum values or timestamp formats fail the test.

type Json = Record<string, unknown>;
export type OpenApiDoc = {
  paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema: Json }> }> }>>;
  components: { schemas: Record<string, Json> };
};

export async function fetchOpenApi(request: APIRequestContext): Promise<OpenApiDoc> {
  const response = await request.get("/api/v1/openapi.json");
  expect(response.status()).toBe(200);
  return (await response.json()) as OpenApiDoc;
}

function inline(node: unknown, doc: OpenApiDoc, seen: string[] = []): unknown {
  if (Array.isArray(node)) return node.map((item) => inline(item, doc, seen));
  if (!node || typeof node !== "object") return node;
  const object = node as Json;
  if (typeof object.$ref === "string") {
    const name = object.$ref.replace("#/components/schemas/", "");
    if (seen.includes(name)) throw new Error(`Recursive schema ${name} is not expected in this API.`);
    const { $ref: _ref, ...rest } = object;
    void _ref;
    return { ...(inline(doc.components.schemas[name], doc, [...seen, name]) as Json), ...rest };
  }
  return Object.fromEntries(
    Object.entries(object)
      .filter(([key]) => key !== "example" && key !== "examples")
      .map(([key, value]) => [key, inline(value, doc, seen)]),
  );
}

export function responseValidator(doc: OpenApiDoc, path: string, method: string, status: number): z.ZodType {
  const operation = doc.paths[path]?.[method.toLowerCase()];
  if (!operation) throw new Error(`${method} ${path} is not in the OpenAPI document.`);
  const response = operation.responses[String(status)];
  if (!response) throw new Error(`${method} ${path} does not document status ${status}.`);
  const media = response.content?.["application/json"] ?? response.content?.["application/problem+json"];
  if (!media) throw new Error(`${method} ${path} ${status} documents no JSON body.`);
  return z.fromJSONSchema(inline(media.schema, doc) as Parameters<typeof z.fromJSONSchema>[0]);
}

/** Asserts the status and that the body matches the document; returns the body. */
export async function expectDocumented<T = Json>(
  doc: OpenApiDoc,
  response: APIResponse,
  path: string,
  method: string,
  status: number,
): Promise<T> {
  const text = await response.text();
  expect(response.status(), text.slice(0, 500)).toBe(status);
  const body = JSON.parse(text) as unknown;
  const result = responseValidator(doc, path, method, status).safeParse(body);
  expect(
    result.success ? [] : result.error.issues.slice(0, 5),
    `${method} ${path} ${status} does not match the document`,
  ).toEqual([]);
  return body as T;
}
