// Hostile values for property-based tests (fast-check): what strangers and careless clients send.
import fc from "fast-check";

const PROTO_KEYS = ["__proto__", "constructor", "prototype"];

/** Strings that have broken, or could break, parsing, storage or rendering. */
export const hostileScalar: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    "\u0000",
    "a\u0000b",
    "\ud800",
    "x\udfffy",
    "\udc00\ud800",
    ...PROTO_KEYS,
    "0",
    "-1",
    "1.5",
    "1e3",
    "2147483647",
    "2147483648",
    "99999999999999999999",
    "NaN",
    "0000-01-01",
    "9999-12-31",
    "2026-02-30",
    "1900-01-01",
    "0000-01-01T00:00:00Z",
    "9999-12-31T23:59:59Z",
    "2026-02-30T10:00:00Z",
    "0001-01-01T00:00:00Z",
    "0000-W01",
    "9999-W52",
    "2026-W54",
    "yes",
    "no",
    "true",
    "TRUE",
    "",
    " ",
    "%00",
    "../../etc/passwd",
    "<script>alert(1)</script>",
    "' OR 1=1 --",
    "x".repeat(5000),
  ),
  fc.string({ unit: "binary", maxLength: 12 }),
  fc.string({ unit: fc.constantFrom("\u0000", "\ud800", "\udc00", "a", "é", "😀"), maxLength: 8 }),
);

/** Any JSON-ish value of a wrong or extreme kind. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: hostileScalar },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      0,
      -1,
      1.5,
      2147483647,
      2147483648,
      -2147483649,
      Number.MAX_SAFE_INTEGER,
      1e308,
      null,
      true,
      false,
      [],
      {},
      ["\u0000"],
      { a: "\ud800" },
    ),
  },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
);

export const hostileKey: fc.Arbitrary<string> = fc.constantFrom(...PROTO_KEYS, "a\u0000b", "\ud800", "");

export const hostileContentType: fc.Arbitrary<string> = fc.constantFrom(
  "text/plain",
  "application/xml",
  "multipart/form-data; boundary=x",
  "application/x-www-form-urlencoded",
  "",
  "application/jsonx",
);

export const hostileRawBody: fc.Arbitrary<string> = fc.constantFrom(
  "",
  "null",
  "[]",
  '"x"',
  "{",
  "1e999",
  '{"a":1,"a":2}',
  `${"[".repeat(5000)}${"]".repeat(5000)}`,
  `["${"x".repeat(6 * 1024 * 1024)}"]`,
);

type Path = (string | number)[];

/** Every path in a JSON value, the value itself included (as []). */
export function jsonPaths(value: unknown, path: Path = []): Path[] {
  const here = [path];
  if (Array.isArray(value)) return here.concat(value.flatMap((item, index) => jsonPaths(item, [...path, index])));
  if (value && typeof value === "object")
    return here.concat(Object.entries(value).flatMap(([key, item]) => jsonPaths(item, [...path, key])));
  return here;
}

/** A copy of `value` with `replacement` at `path`. */
export function withValueAt(value: unknown, path: Path, replacement: unknown): unknown {
  if (path.length === 0) return replacement;
  const copy = structuredClone(value) as Record<string | number, unknown>;
  let node = copy;
  for (const step of path.slice(0, -1)) node = node[step] as Record<string | number, unknown>;
  node[path.at(-1)!] = replacement;
  return copy;
}

/** JSON text of `value` with a hostile key added to one of its objects (as JSON.parse would see it). */
export function withHostileKey(value: unknown, pick: number, key: string): string {
  const objects = jsonPaths(value).filter((path) => {
    const node = path.reduce<unknown>((at, step) => (at as Record<string | number, unknown>)[step], value);
    return node !== null && typeof node === "object" && !Array.isArray(node);
  });
  if (objects.length === 0) return JSON.stringify(value);
  const marker = "__hostile_key_marker__";
  const marked = withValueAt(value, [...objects[pick % objects.length], marker], 1);
  return JSON.stringify(marked).replace(JSON.stringify(marker), JSON.stringify(key));
}
