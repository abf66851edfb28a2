// `faultline attribution push --change <externalId> --sha <sha>`: posts the attribution
// evidence of a commit (see attribution-git.ts) to the change CI registered.
import type { Command } from "commander";
import { attributionBody, gitIn, readCommitEvidence } from "./attribution-git";

type PushOptions = {
  change: string;
  sha: string;
  repo: string;
  source?: string;
  url?: string;
  token?: string;
  dryRun?: boolean;
};
type Problem = { detail?: string; title?: string; errors?: Record<string, string[]> };

export function registerAttributionCommands(program: Command): void {
  const attribution = program.command("attribution").description("AI attribution evidence for changes");
  attribution
    .command("push")
    .description("Post the git-ai note, Entire checkpoint or agent trailers of a commit to a change")
    .requiredOption("--change <externalId>", "the change's external id (as CI registered it)")
    .option("--sha <sha>", "the commit to read", "HEAD")
    .option(
      "--repo <path>",
      "the repository to read (default: the folder the command was started in)",
      process.env.FAULTLINE_CALLER_CWD ?? process.cwd(),
    )
    .option("--source <source>", "the change's source, when several systems use the same external id")
    .option("--url <url>", "Faultline's address (default: $FAULTLINE_URL)")
    .option("--token <token>", "API token with changes:write (default: $FAULTLINE_TOKEN)")
    .option("--dry-run", "print the request body instead of sending it")
    .action(async (options: PushOptions) => {
      process.exitCode = await pushAttribution(options, options.repo);
    });
}

export async function pushAttribution(options: PushOptions, cwd: string, out = console): Promise<number> {
  const evidence = readCommitEvidence(gitIn(cwd), options.sha);
  const body = attributionBody(evidence);
  if (!body) {
    out.log(
      `No attribution evidence on ${evidence.sha.slice(0, 12)} (no git-ai note, Entire checkpoint or agent trailer): nothing to post.`,
    );
    return 0;
  }
  if (options.dryRun) {
    out.log(JSON.stringify(body, null, 2));
    return 0;
  }
  const url = (options.url ?? process.env.FAULTLINE_URL ?? "").replace(/\/+$/, "");
  const token = options.token ?? process.env.FAULTLINE_TOKEN;
  if (!url || !token) {
    out.error("Give Faultline's address and an API token: --url/--token or FAULTLINE_URL/FAULTLINE_TOKEN.");
    return 2;
  }
  const headers = { authorization: `Bearer ${token}`, "content-type": "application/json" };
  const found = await fetch(`${url}/api/v1/changes?${new URLSearchParams({ q: options.change, limit: "100" })}`, {
    headers,
  });
  if (!found.ok) return fail(out, "Could not look the change up", found);
  const { data } = (await found.json()) as { data: { id: number; source: string; externalId: string | null }[] };
  const matches = data.filter(
    (c) => c.externalId === options.change && (!options.source || c.source === options.source),
  );
  if (matches.length !== 1) {
    out.error(
      matches.length === 0
        ? `No change with external id “${options.change}”${options.source ? ` from ${options.source}` : ""}. Register it first (POST /api/v1/changes).`
        : `${matches.length} changes have external id “${options.change}” (sources: ${matches.map((c) => c.source).join(", ")}); pass --source.`,
    );
    return 1;
  }
  const posted = await fetch(`${url}/api/v1/changes/${matches[0].id}/attribution`, {
    method: "POST",
    headers,
    body: JSON.stringify(body),
  });
  if (!posted.ok) return fail(out, "Faultline refused the evidence", posted);
  const result = (await posted.json()) as {
    aiShare: number | null;
    source: string;
    agents: { tool: string }[];
    mismatch: boolean;
    aiAssisted: boolean;
  };
  const share = result.aiShare === null ? "no line counts" : `AI share ${Math.round(result.aiShare * 100)} %`;
  const agents = result.agents.map((a) => a.tool).join(", ") || "no agent";
  out.log(
    `Change #${matches[0].id}: ${share} (${result.source}), ${agents}.${result.mismatch ? " Declared not AI-assisted: now counted as AI-assisted (mismatch flagged)." : ""}`,
  );
  return 0;
}

async function fail(out: Pick<Console, "error">, what: string, response: Response): Promise<number> {
  const problem = (await response.json().catch(() => ({}))) as Problem;
  const fields = Object.entries(problem.errors ?? {}).map(([field, messages]) => `  ${field}: ${messages.join(" ")}`);
  out.error(
    [`${what} (HTTP ${response.status}): ${problem.detail ?? problem.title ?? response.statusText}`, ...fields].join(
      "\n",
    ),
  );
  return 1;
}
