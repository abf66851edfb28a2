// Renders a JSON Schema (as zod-openapi emits it) as an indented field list: name, type,
// required, description, allowed values. Server component; no client bundle.

type Schema = {
  type?: string | string[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  anyOf?: Schema[];
  enum?: unknown[];
  format?: string;
  description?: string;
  default?: unknown;
  maxItems?: number;
  minItems?: number;
  maxLength?: number;
  additionalProperties?: Schema | boolean;
  $ref?: string;
};

export type SchemaResolver = (ref: string) => Schema | undefined;

function resolve(schema: Schema, lookup: SchemaResolver): Schema {
  return schema.$ref ? { ...(lookup(schema.$ref) ?? {}), ...schema, $ref: undefined } : schema;
}

/** "string (date-time) or null", "array of object", "DEPLOY | PULL_REQUEST". */
export function typeLabel(raw: Schema, lookup: SchemaResolver): string {
  const schema = resolve(raw, lookup);
  if (schema.anyOf) return schema.anyOf.map((s) => typeLabel(s, lookup)).join(" or ");
  if (schema.enum) return schema.enum.map(String).join(" | ");
  const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
  const base = types
    .map((t) =>
      t === "array" && schema.items
        ? `array of ${typeLabel(schema.items, lookup)}`
        : t === "string" && schema.format
          ? `string (${schema.format})`
          : t,
    )
    .join(" or ");
  if (!base && schema.additionalProperties && typeof schema.additionalProperties === "object")
    return `map of ${typeLabel(schema.additionalProperties, lookup)}`;
  return base || "any";
}

function children(raw: Schema, lookup: SchemaResolver): Schema | null {
  const schema = resolve(raw, lookup);
  if (schema.properties) return schema;
  if (schema.items) return children(schema.items, lookup);
  if (schema.anyOf) return schema.anyOf.map((s) => children(s, lookup)).find(Boolean) ?? null;
  return null;
}

/** `showRequired`: for request bodies; in responses every field listed is always present. */
export function SchemaFields({
  schema,
  lookup,
  depth = 0,
  showRequired = true,
}: {
  schema: Schema;
  lookup: SchemaResolver;
  depth?: number;
  showRequired?: boolean;
}) {
  const object = children(schema, lookup);
  if (!object?.properties) return <p className="text-sm text-slate-600">{typeLabel(schema, lookup)}</p>;
  const required = new Set(object.required ?? []);
  return (
    <ul className={depth ? "mt-1 space-y-1 border-l border-slate-200 pl-4" : "space-y-1.5"}>
      {Object.entries(object.properties).map(([name, field]) => {
        const resolved = resolve(field, lookup);
        const nested = depth < 3 ? children(field, lookup) : null;
        return (
          <li key={name} className="text-sm">
            <code className="font-mono text-[13px] font-semibold text-slate-900">{name}</code>{" "}
            <span className="font-mono text-xs text-slate-500">
              {nested
                ? typeLabel(field, lookup).startsWith("array")
                  ? "array of object"
                  : typeLabel(field, lookup).includes("null")
                    ? "object or null"
                    : "object"
                : typeLabel(field, lookup)}
            </span>
            {showRequired && required.has(name) ? (
              <span className="ml-1.5 text-xs font-medium text-red-700">required</span>
            ) : null}
            {resolved.description ? (
              <span className="text-slate-600">
                {" "}
                — <DocText text={resolved.description} />
              </span>
            ) : null}
            {nested ? (
              <SchemaFields schema={field} lookup={lookup} depth={depth + 1} showRequired={showRequired} />
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}

/** Text with `code` spans, as the document's descriptions are written. */
export function DocText({ text }: { text: string }) {
  return (
    <>
      {text.split(/(`[^`]+`)/).map((part, index) =>
        part.startsWith("`") && part.endsWith("`") ? (
          <code key={index} className="rounded bg-slate-100 px-1 font-mono text-[12px] text-slate-800">
            {part.slice(1, -1)}
          </code>
        ) : (
          part
        ),
      )}
    </>
  );
}
