// A local stand-in for GitHub's REST API, implementing one operation: create a commit status
// (POST /repos/{owner}/{repo}/statuses/{sha}). Request and response shapes come from GitHub's
// published OpenAPI description (@octokit/openapi): each request body is validated against
// the operation's request schema, and each answer is built to, and checked against, its 201
// schema. Every call is recorded so tests can assert the sequence.
import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";

type Schema = {
  type?: string;
  nullable?: boolean;
  enum?: unknown[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  additionalProperties?: boolean | Schema;
};
export type StatusCall = {
  owner: string;
  repo: string;
  sha: string;
  authorization: string | undefined;
  apiVersion: string | undefined;
  body: { state?: string; target_url?: string | null; description?: string | null; context?: string };
  /** Problems of the request body against GitHub's request schema; empty when valid. */
  requestErrors: string[];
  /** Problems of our 201 answer against GitHub's response schema; empty when valid. */
  responseErrors: string[];
};

const OPERATION = "/repos/{owner}/{repo}/statuses/{sha}";
let cached: { request: Schema; response: Schema; example: Record<string, unknown> } | null = null;

/** The createCommitStatus operation from the description shipped in node_modules (read once). */
export function commitStatusOperation() {
  if (cached) return cached;
  const file = path.join(process.cwd(), "node_modules/@octokit/openapi/generated/api.github.com.deref.json");
  const document = JSON.parse(readFileSync(file, "utf8"));
  const post = document.paths[OPERATION].post;
  const created = post.responses["201"].content["application/json"];
  cached = {
    request: post.requestBody.content["application/json"].schema,
    response: created.schema,
    example: created.examples.default.value,
  };
  return cached;
}

/** The subset of JSON Schema (OpenAPI 3.0 flavour) these two schemas use. */
export function validate(schema: Schema, value: unknown, at = "$"): string[] {
  if (value === null) return schema.nullable ? [] : [`${at} is null`];
  const errors: string[] = [];
  const type = Array.isArray(value) ? "array" : Number.isInteger(value) ? "integer" : typeof value;
  if (schema.type && !(schema.type === type || (schema.type === "number" && type === "integer")))
    return [`${at} should be ${schema.type}, is ${type}`];
  if (schema.enum && !schema.enum.includes(value)) errors.push(`${at} should be one of ${schema.enum.join(", ")}`);
  if (type === "object" && schema.properties) {
    const object = value as Record<string, unknown>;
    for (const key of schema.required ?? []) if (!(key in object)) errors.push(`${at}.${key} is required`);
    for (const [key, item] of Object.entries(object)) {
      const property = schema.properties[key];
      if (property) errors.push(...validate(property, item, `${at}.${key}`));
      else if (schema.additionalProperties === false) errors.push(`${at}.${key} is not allowed`);
    }
  }
  if (type === "array" && schema.items)
    (value as unknown[]).forEach((item, index) => errors.push(...validate(schema.items!, item, `${at}[${index}]`)));
  return errors;
}

/** Starts the server on an ephemeral port; `baseUrl` goes into the integration's settings. */
export async function startGithubStatusServer(options: { token?: string } = {}) {
  const operation = commitStatusOperation();
  const calls: StatusCall[] = [];
  let nextId = 1;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const send = (status: number, body: unknown) => {
        res.writeHead(status, { "content-type": "application/json; charset=utf-8" });
        res.end(JSON.stringify(body));
      };
      const match = /^\/repos\/([^/]+)\/([^/]+)\/statuses\/([^/?]+)$/.exec(req.url ?? "");
      if (req.method !== "POST" || !match) return send(404, { message: "Not Found" });
      if (options.token && req.headers.authorization !== `Bearer ${options.token}`)
        return send(401, { message: "Bad credentials" });
      let body: StatusCall["body"];
      try {
        body = JSON.parse(Buffer.concat(chunks).toString("utf8"));
      } catch {
        return send(400, { message: "Problems parsing JSON" });
      }
      const [, owner, repo, sha] = match.map(decodeURIComponent);
      const requestErrors = validate(operation.request, body);
      const now = new Date().toISOString();
      const id = nextId++;
      const answer = {
        ...operation.example,
        url: `http://${req.headers.host}/repos/${owner}/${repo}/statuses/${sha}`,
        id,
        state: body.state,
        description: body.description ?? null,
        target_url: body.target_url ?? null,
        context: body.context ?? "default",
        created_at: now,
        updated_at: now,
      };
      const responseErrors = validate(operation.response, answer);
      calls.push({
        owner,
        repo,
        sha,
        authorization: req.headers.authorization,
        apiVersion: req.headers["x-github-api-version"] as string | undefined,
        body,
        requestErrors,
        responseErrors,
      });
      // GitHub answers 422 "Validation Failed" to a body its schema refuses.
      if (requestErrors.length > 0) return send(422, { message: "Validation Failed", errors: requestErrors });
      send(201, answer);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    calls,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
