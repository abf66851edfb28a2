import type { Metadata } from "next";
import { headers } from "next/headers";
import { HelpNav } from "@/components/help/help-nav";
import { DocText, SchemaFields, typeLabel, type SchemaResolver } from "@/components/help/api-schema";
import { Badge, type Tone } from "@/components/ui/badge";
import { buildOpenApiDocument } from "@/lib/openapi/document";
import { requirePageUser } from "@/lib/server/auth/require-user";

export const metadata: Metadata = { title: "API reference" };

type Json = Record<string, unknown>;
type Operation = {
  operationId: string;
  summary: string;
  description?: string;
  tags: string[];
  "x-scope"?: string;
  parameters?: Array<{ name: string; in: string; required?: boolean; description?: string; schema: Json }>;
  requestBody?: { content: Record<string, { schema: Json; example?: unknown }> };
  responses: Record<string, { description: string; content?: Record<string, { schema: Json }> }>;
};

const METHOD_TONES: Record<string, Tone> = { get: "blue", post: "green", patch: "amber", delete: "red" };

/** The API reference, rendered from the same OpenAPI document /api/v1/openapi.json serves. */
export default async function ApiReferencePage() {
  await requirePageUser("/help/api");
  const host = (await headers()).get("host");
  const origin = process.env.NEXTAUTH_URL
    ? new URL(process.env.NEXTAUTH_URL).origin
    : `http://${host ?? "localhost:3000"}`;
  const document = buildOpenApiDocument(origin) as unknown as {
    paths: Record<string, Record<string, Operation>>;
    components: { schemas: Record<string, Json> };
    servers: Array<{ url: string }>;
    tags: Array<{ name: string; description: string }>;
  };
  const lookup: SchemaResolver = (ref) =>
    document.components.schemas[ref.replace("#/components/schemas/", "")] as never;
  const operations = Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, operation]) => ({ path, method, operation })),
  );
  const base = document.servers[0].url;

  return (
    <div className="max-w-5xl space-y-8">
      <div className="space-y-4">
        <HelpNav current="/help/api" />
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">API reference</h1>
          <p className="mt-1 max-w-3xl text-sm text-slate-600">
            Base URL <code className="rounded bg-slate-100 px-1 font-mono text-[13px]">{base}</code>. Send an API token
            (Admin → API tokens) as{" "}
            <code className="rounded bg-slate-100 px-1 font-mono text-[13px]">Authorization: Bearer flt_…</code>. Errors
            are problem details (RFC 9457) with a message per field. Each token may make a limited number of requests
            per minute; every answer says how many are left (
            <code className="font-mono text-[13px]">RateLimit-Remaining</code>). Machine-readable:{" "}
            <a href="/api/v1/openapi.json" className="font-medium text-sky-700 underline">
              OpenAPI 3.1 document
            </a>
            .
          </p>
        </div>
        <nav aria-label="Endpoints" className="rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200">
          <ul className="gap-x-6 space-y-1 sm:columns-2">
            {operations.map(({ path, method, operation }) => (
              <li key={operation.operationId} className="flex break-inside-avoid items-center gap-2 text-sm">
                <span className="w-14 font-mono text-xs font-semibold uppercase text-slate-500">{method}</span>
                <a href={`#${operation.operationId}`} className="font-mono text-[13px] text-sky-700 hover:underline">
                  {path}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      </div>

      {document.tags.map((tag) => (
        <section key={tag.name} aria-labelledby={`tag-${tag.name}`} className="space-y-4">
          <div>
            <h2 id={`tag-${tag.name}`} className="text-lg font-semibold">
              {tag.name}
            </h2>
            <p className="text-sm text-slate-600">{tag.description}</p>
          </div>
          {operations
            .filter(({ operation }) => operation.tags.includes(tag.name))
            .map(({ path, method, operation }) => (
              <article
                key={operation.operationId}
                id={operation.operationId}
                aria-label={`${method.toUpperCase()} ${path}`}
                className="scroll-mt-6 rounded-lg bg-white shadow-sm ring-1 ring-slate-200"
              >
                <header className="flex flex-wrap items-center gap-3 border-b border-slate-200 px-4 py-3 sm:px-5">
                  <Badge tone={METHOD_TONES[method] ?? "slate"}>{method.toUpperCase()}</Badge>
                  <code className="font-mono text-sm font-semibold">{path}</code>
                  <span className="text-sm text-slate-700">{operation.summary}</span>
                  <span className="ml-auto font-mono text-xs text-slate-500">
                    {operation["x-scope"] ? `scope ${operation["x-scope"]}` : "integration secret"}
                  </span>
                </header>
                <div className="space-y-4 px-4 py-4 sm:px-5">
                  {operation.description ? (
                    <p className="text-sm text-slate-700">
                      <DocText text={operation.description.replace(/\n\nScope: `[^`]+`\.$/, "")} />
                    </p>
                  ) : null}
                  {operation.parameters?.length ? (
                    <div>
                      <h3 className="text-xs font-semibold uppercase tracking-wide text-slate-500">Parameters</h3>
                      <ul className="mt-2 space-y-1.5">
                        {operation.parameters.map((parameter) => (
                          <li key={`${parameter.in}-${parameter.name}`} className="text-sm">
                            <code className="font-mono text-[13px] font-semibold">{parameter.name}</code>{" "}
                            <span className="font-mono text-xs text-slate-500">
                              {parameter.in} · {typeLabel(parameter.schema, lookup)}
                            </span>
                            {parameter.required ? (
                              <span className="ml-1.5 text-xs font-medium text-red-700">required</span>
                            ) : null}
                            {(parameter.description ?? (parameter.schema.description as string | undefined)) ? (
                              <span className="text-slate-600">
                                {" "}
                                — <DocText text={parameter.description ?? (parameter.schema.description as string)} />
                              </span>
                            ) : null}
                          </li>
                        ))}
                      </ul>
                    </div>
                  ) : null}
                  {operation.requestBody ? <RequestBody body={operation.requestBody} lookup={lookup} /> : null}
                  <div>
                    <h3 className="text-xs font-semibold uppercase tracking-wide text-slate-500">Responses</h3>
                    <ul className="mt-2 space-y-2">
                      {Object.entries(operation.responses).map(([status, response]) => (
                        <li key={status} className="text-sm">
                          <span
                            className={`font-mono font-semibold ${status.startsWith("2") ? "text-emerald-700" : "text-slate-700"}`}
                          >
                            {status}
                          </span>{" "}
                          <span className="text-slate-700">
                            <DocText text={response.description} />
                          </span>
                          {status.startsWith("2") && response.content?.["application/json"] ? (
                            <details className="mt-1">
                              <summary className="cursor-pointer text-xs font-medium text-sky-700">
                                Response fields
                              </summary>
                              <div className="mt-2 rounded-md bg-slate-50 p-3">
                                <SchemaFields
                                  schema={response.content["application/json"].schema}
                                  lookup={lookup}
                                  showRequired={false}
                                />
                              </div>
                            </details>
                          ) : null}
                        </li>
                      ))}
                    </ul>
                  </div>
                </div>
              </article>
            ))}
        </section>
      ))}
    </div>
  );
}

function RequestBody({ body, lookup }: { body: NonNullable<Operation["requestBody"]>; lookup: SchemaResolver }) {
  const media = body.content["application/json"];
  return (
    <div className="grid grid-cols-1 gap-4 lg:grid-cols-2">
      <div className="min-w-0">
        <h3 className="text-xs font-semibold uppercase tracking-wide text-slate-500">Request body (JSON)</h3>
        <div className="mt-2">
          <SchemaFields schema={media.schema} lookup={lookup} />
        </div>
      </div>
      {media.example ? (
        <div className="min-w-0">
          <h3 className="text-xs font-semibold uppercase tracking-wide text-slate-500">Example</h3>
          {/* Focusable: a keyboard user can scroll a wide example sideways (axe scrollable-region-focusable). */}
          <pre
            tabIndex={0}
            className="palette-fixed mt-2 overflow-x-auto rounded-md bg-slate-900 p-3 font-mono text-xs leading-relaxed text-slate-100"
          >
            {JSON.stringify(media.example, null, 2)}
          </pre>
        </div>
      ) : null}
    </div>
  );
}
