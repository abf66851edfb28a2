// Names for prepared statements, so PostgreSQL plans a statement once per connection instead of
// on every call. The ingest path's statements are large (unnest over a dozen arrays, CTEs, the
// definitions' views): planning them cost ~2.8 ms of server CPU per single change POST, more
// than executing them (issue 14, decision 032).
//
// pg keeps a connection's prepared statements for the connection's life, so the number of
// distinct texts that get a name is bounded: beyond MAX_NAMED, statements run unnamed
// (planned every time) as before. Statement texts are the app's own (Prisma's and ours, with
// bound parameters), so the set is small and stable in practice.
import { createHash } from "node:crypto";

export const MAX_NAMED = 1_000;

export function statementNamer(max = MAX_NAMED) {
  const names = new Map<string, string>();
  return (query: { sql: string }): string => {
    const known = names.get(query.sql);
    if (known !== undefined) return known;
    // "" is no name: pg sends the statement unnamed.
    if (names.size >= max) return "";
    const name = `f_${createHash("sha1").update(query.sql).digest("base64url")}`;
    names.set(query.sql, name);
    return name;
  };
}
