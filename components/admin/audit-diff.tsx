/** Before/after of an audit row as "field: old → new" lines; whole objects when a side is missing. */
export function AuditDiff({ before, after }: { before: unknown; after: unknown }) {
  const b = asRecord(before);
  const a = asRecord(after);
  if (!b && !a) return <span className="text-slate-600">—</span>;
  const keys = [...new Set([...Object.keys(b ?? {}), ...Object.keys(a ?? {})])];
  return (
    <dl className="grid max-w-xl grid-cols-[auto_1fr] gap-x-3 gap-y-0.5 text-xs">
      {keys.map((key) => {
        const old = b ? show(b[key]) : undefined;
        const now = a ? show(a[key]) : undefined;
        return (
          <div key={key} className="contents">
            <dt className="font-mono text-slate-500">{key}</dt>
            <dd className="break-words font-mono text-slate-800">
              {old !== undefined && now !== undefined && old !== now ? (
                <>
                  <span className="text-red-700 line-through decoration-red-300">{old}</span> →{" "}
                  <span className="text-emerald-700">{now}</span>
                </>
              ) : (
                (now ?? old)
              )}
            </dd>
          </div>
        );
      })}
    </dl>
  );
}

function asRecord(value: unknown): Record<string, unknown> | null {
  if (value === null || value === undefined) return null;
  return typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : { value };
}

function show(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (value === null) return "—";
  return typeof value === "string" ? value : JSON.stringify(value);
}
