// git-ai authorship notes (refs/notes/ai): the "Git AI Standard v3.0.0" text format and the
// older `authorship/0.0.1` JSON blob. Parsed strictly; ranges become merged intervals.
import { z } from "zod";
import { AttributionError } from "./attribution-error";
import { parseRangeList } from "./line-ranges";
import { LineLedger, type AttributionSummary } from "./summary";
import { parseLegacyAuthorship } from "./git-ai-legacy";

export const GIT_AI_V3 = "authorship/3.0.0";
/** Largest note accepted, in characters (git-ai notes of very large commits are ~100 kB). */
export const MAX_NOTE_CHARS = 2_000_000;

const agentId = z.looseObject({
  tool: z.string().max(200),
  id: z.string().max(500).optional(),
  model: z.string().max(250).nullish(),
});
const agentRecord = z.looseObject({ agent_id: agentId });
const metadataSchema = z.looseObject({
  schema_version: z.string().max(100),
  base_commit_sha: z.string().max(100).optional(),
  prompts: z.record(z.string(), agentRecord.partial()).default({}),
  sessions: z.record(z.string(), agentRecord.partial()).nullish(),
  humans: z.record(z.string(), z.unknown()).nullish(),
});

const SESSION_KEY = /^(s_[0-9a-f]{6,64})::t_[0-9a-f]{6,64}$/;
const HUMAN_KEY = /^h_[0-9a-f]{6,64}$/;
const PROMPT_KEY = /^[0-9A-Za-z]{6,64}$/;

/** A git-ai note as `git notes --ref=ai show <sha>` prints it (or the legacy JSON blob). */
export function parseGitAiNote(text: string, declaredTotal: number | null = null): AttributionSummary {
  if (text.length > MAX_NOTE_CHARS) throw new AttributionError(`The note is longer than ${MAX_NOTE_CHARS} characters.`);
  const body = text.replace(/\r\n/g, "\n");
  if (body.trimStart().startsWith("{")) return parseLegacyAuthorship(body, declaredTotal);
  const lines = body.split("\n");
  const divider = lines.indexOf("---");
  if (divider < 0)
    throw new AttributionError("Not a git-ai note: the “---” line between attestations and metadata is missing.");
  const metadata = readMetadata(lines.slice(divider + 1).join("\n"));
  const agentFor = (key: string) => {
    const session = SESSION_KEY.exec(key);
    const record = session ? metadata.sessions?.[session[1]] : metadata.prompts[key];
    return { tool: record?.agent_id?.tool ?? "unknown", model: record?.agent_id?.model ?? null };
  };

  const ledger = new LineLedger();
  let file: string | null = null;
  lines.slice(0, divider).forEach((line, index) => {
    const where = `Attestation line ${index + 1}`;
    if (line === "") return;
    if (!line.startsWith(" ")) {
      file = readPath(line, where);
      return;
    }
    const entry = /^ {2}(\S+) (\S+)$/.exec(line);
    if (!entry) throw new AttributionError(`${where}: expected two spaces, a key, one space and line ranges.`);
    if (file === null) throw new AttributionError(`${where}: an attestation comes before any file path.`);
    const [, key, rangeText] = entry;
    const ranges = parseRangeList(rangeText, `${where} (${file})`);
    if (HUMAN_KEY.test(key)) ledger.addHuman(file, ranges);
    else if (SESSION_KEY.test(key) || PROMPT_KEY.test(key)) ledger.addAi(file, ranges, agentFor(key));
    else throw new AttributionError(`${where}: “${key.slice(0, 80)}” is not a git-ai attestation key.`);
  });
  return ledger.summarise("git-ai", GIT_AI_V3, declaredTotal);
}

function readMetadata(json: string) {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    throw new AttributionError("The note's metadata (after “---”) is not valid JSON.");
  }
  const version = (value as { schema_version?: unknown } | null)?.schema_version;
  if (typeof version === "string" && version !== GIT_AI_V3) {
    throw new AttributionError(
      `Unsupported git-ai schema version “${version.slice(0, 100)}”: this server reads ${GIT_AI_V3} and authorship/0.0.1.`,
    );
  }
  const parsed = metadataSchema.safeParse(value);
  if (!parsed.success)
    throw new AttributionError(
      `The note's metadata is not git-ai metadata: ${parsed.error.issues[0].path.join(".") || "root"} is wrong or missing.`,
    );
  return parsed.data;
}

function readPath(line: string, where: string): string {
  if (!line.startsWith('"')) return line.slice(0, 1000);
  if (line.length < 3 || !line.endsWith('"') || line.slice(1, -1).includes('"')) {
    throw new AttributionError(`${where}: a quoted file path must end with its closing quote.`);
  }
  return line.slice(1, -1).slice(0, 1000);
}
