// The command line's spelling of API token options, turned into what the service takes.

const UNIT_MS = { h: 3_600_000, d: 86_400_000, w: 7 * 86_400_000 } as const;

/** "90d", "12h", "4w" (from `now`), an ISO day or instant; "never" → null. Undefined when unreadable. */
export function parseExpiry(value: string, now: Date): Date | null | undefined {
  const text = value.trim().toLowerCase();
  if (text === "never") return null;
  const relative = /^(\d{1,5})\s*([hdw])$/.exec(text);
  if (relative) {
    const amount = Number(relative[1]);
    if (amount === 0) return undefined;
    return new Date(now.getTime() + amount * UNIT_MS[relative[2] as keyof typeof UNIT_MS]);
  }
  if (/^\d{4}-\d{2}-\d{2}(t.*)?$/.test(text)) {
    const at = new Date(value.trim());
    return Number.isNaN(at.getTime()) ? undefined : at;
  }
  return undefined;
}

/**
 * "read,write,import" → the token's scopes. "write" stands for both write scopes
 * (changes:write and incidents:write); any other name must be a known scope.
 */
export function parseScopes(list: string, known: readonly string[]): { scopes: string[]; unknown: string[] } {
  const scopes = new Set<string>();
  const unknown: string[] = [];
  for (const raw of list.split(",")) {
    const name = raw.trim().toLowerCase();
    if (!name) continue;
    if (name === "write") {
      scopes.add("changes:write");
      scopes.add("incidents:write");
    } else if (known.includes(name)) scopes.add(name);
    else unknown.push(name);
  }
  return { scopes: known.filter((scope) => scopes.has(scope)), unknown };
}
