// git-ai's first format (`authorship/0.0.1`, a JSON blob under refs/ai/authorship/<sha>):
// files → authors → lines, where a line is n or [a, b]; lines may repeat or overlap.
import { z } from "zod";
import { AttributionError } from "./attribution-error";
import { interval, MAX_RANGE_TOKENS, type Interval } from "./line-ranges";
import { LineLedger, toolDisplayName, type AttributionSummary } from "./summary";

export const GIT_AI_LEGACY = "authorship/0.0.1";

const lineItem = z.union([z.number(), z.tuple([z.number(), z.number()])]);
const legacySchema = z.looseObject({
  schema_version: z.string().max(100).optional(),
  files: z.record(
    z.string().max(1000),
    z.looseObject({
      authors: z
        .array(
          z.looseObject({
            author: z.string().max(300),
            lines: z.array(lineItem),
            agent_metadata: z.unknown().optional(),
          }),
        )
        .max(1000),
    }),
  ),
});

/** Author labels git-ai wrote for agents in this format ("Cursor", "Claude"); anyone else is a person. */
const AGENT_LABELS =
  /^(cursor|claude( code)?|(github )?copilot|codex|gemini( cli)?|windsurf|amp|droid|opencode|kiro|amazon q( developer)?|aider|ai)$/i;

export function parseLegacyAuthorship(text: string, declaredTotal: number | null): AttributionSummary {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new AttributionError("The note starts with “{” but is not valid JSON.");
  }
  const version = (value as { schema_version?: unknown } | null)?.schema_version;
  if (version !== GIT_AI_LEGACY) {
    const named = typeof version === "string" ? `“${version.slice(0, 100)}”` : "no schema_version";
    throw new AttributionError(
      `Unsupported git-ai schema version ${named}: this server reads authorship/3.0.0 and ${GIT_AI_LEGACY}.`,
    );
  }
  const parsed = legacySchema.safeParse(value);
  if (!parsed.success)
    throw new AttributionError(
      `Not an ${GIT_AI_LEGACY} blob: ${parsed.error.issues[0].path.join(".") || "root"} is wrong or missing.`,
    );

  const ledger = new LineLedger();
  let tokens = 0;
  for (const [file, { authors }] of Object.entries(parsed.data.files)) {
    for (const author of authors) {
      tokens += author.lines.length;
      if (tokens > MAX_RANGE_TOKENS) throw new AttributionError("The note lists too many line ranges.");
      const where = `${file} (${author.author.slice(0, 80)})`;
      const ranges: Interval[] = author.lines.map((item) =>
        typeof item === "number" ? interval(item, item, where) : interval(item[0], item[1], where),
      );
      const isAgent =
        (author.agent_metadata !== undefined && author.agent_metadata !== null) ||
        AGENT_LABELS.test(author.author.trim());
      if (isAgent) ledger.addAi(file, ranges, { tool: toolDisplayName(author.author), model: null });
      else ledger.addHuman(file, ranges);
    }
  }
  return ledger.summarise("git-ai", GIT_AI_LEGACY, declaredTotal);
}
