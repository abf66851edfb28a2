// The command palette's commands (Cmd/Ctrl-K): pure, so the matching is unit-tested.

export type Command = { id: string; label: string; href: string; hint: string };

/** "#123", "123", "incident 123", "change 45", "i 7", "c 7" → the number and, if named, what it is. */
export function parseNumberQuery(query: string): { id: number; only?: "incident" | "change" } | null {
  const match = /^\s*(?:(incidents?|inc|i|changes?|chg|c)\s*)?#?\s*(\d{1,9})\s*$/i.exec(query);
  if (!match) return null;
  const id = Number(match[2]);
  if (id < 1) return null;
  const word = match[1]?.toLowerCase();
  if (!word) return { id };
  return { id, only: word.startsWith("i") ? "incident" : "change" };
}

/** Pages and actions first, filtered by every word of the query; a number adds "open incident/change #n". */
export function matchCommands(query: string, pages: Command[]): Command[] {
  const number = parseNumberQuery(query);
  const opened: Command[] = [];
  if (number && number.only !== "change")
    opened.push({
      id: `incident-${number.id}`,
      label: `Open incident #${number.id}`,
      href: `/incidents/${number.id}`,
      hint: "Incident",
    });
  if (number && number.only !== "incident")
    opened.push({
      id: `change-${number.id}`,
      label: `Open change #${number.id}`,
      href: `/changes/${number.id}`,
      hint: "Change",
    });
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const found = number ? [] : pages.filter((c) => words.every((w) => `${c.label} ${c.hint}`.toLowerCase().includes(w)));
  return [...opened, ...found];
}
