// The first check every input passes through, before any schema: API bodies, query strings
// and path parameters, inbound webhooks, and server-action forms. It refuses what no field of
// Faultline can hold and what would break the code reading it: NUL characters (PostgreSQL
// text cannot store them), lone UTF-16 surrogates (not encodable as UTF-8: they would be
// stored as U+FFFD, so the row would differ from what was sent), and object keys that name
// Object.prototype machinery (`__proto__`, `constructor`, `prototype`).

export type HostileFinding = { path: string; message: string };

const FORBIDDEN_KEYS = new Set(["__proto__", "constructor", "prototype"]);
const MAX_DEPTH = 64;

/** The reason a string cannot be accepted, or null. */
export function hostileStringReason(value: string): string | null {
  if (value.includes("\u0000")) return "Contains a NUL character (\\u0000); remove it.";
  if (!value.isWellFormed()) return "Contains an unpaired UTF-16 surrogate; send valid Unicode text.";
  return null;
}

/**
 * Text that PostgreSQL can store, for logs that keep what was refused: NUL written as the
 * visible escape "\\u0000", unpaired surrogates as U+FFFD.
 */
export function storableText(value: string): string {
  return value.replaceAll("\u0000", "\\u0000").toWellFormed();
}

/** The reason an object key cannot be accepted, or null. */
export function hostileKeyReason(key: string): string | null {
  if (FORBIDDEN_KEYS.has(key)) return `"${key}" is not allowed as a field name.`;
  return hostileStringReason(key) && "A field name contains a NUL character or an unpaired surrogate.";
}

/**
 * Walks a parsed JSON value (or a form turned into an object) and returns the first hostile
 * string or key with its dotted path ("changes.3.title"; "_body" for the value itself).
 */
export function findHostileInput(value: unknown, path: readonly (string | number)[] = []): HostileFinding | null {
  const at = (extra: (string | number)[] = []) => [...path, ...extra].map(String).join(".") || "_body";
  if (path.length > MAX_DEPTH) return { path: at(), message: `Nested deeper than ${MAX_DEPTH} levels.` };
  if (typeof value === "string") {
    const reason = hostileStringReason(value);
    return reason ? { path: at(), message: reason } : null;
  }
  if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index += 1) {
      const found = findHostileInput(value[index], [...path, index]);
      if (found) return found;
    }
    return null;
  }
  if (value !== null && typeof value === "object") {
    // Own keys only, read without the prototype chain: JSON.parse makes "__proto__" an own key.
    for (const key of Object.keys(value)) {
      const reason = hostileKeyReason(key);
      // The message names the key; the path is its parent's, so the key never becomes an object key again.
      if (reason) return { path: at(), message: reason };
      const found = findHostileInput((value as Record<string, unknown>)[key], [...path, key]);
      if (found) return found;
    }
  }
  return null;
}

/**
 * Field messages keyed by field name, collected without a prototype in the way: a key such as
 * "constructor" is just a key. Returns a plain object (safe to serialise to JSON or to a form).
 */
export function collectFieldErrors(entries: Iterable<readonly [string, string]>): Record<string, string[]> {
  const byKey = new Map<string, string[]>();
  for (const [key, message] of entries) {
    const list = byKey.get(key);
    if (list) list.push(message);
    else byKey.set(key, [message]);
  }
  return Object.fromEntries(byKey);
}
