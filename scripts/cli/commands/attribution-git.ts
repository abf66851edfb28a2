// Reads the attribution evidence a commit carries in the current repository: the git-ai note
// (refs/notes/ai), Entire checkpoints named by `Entire-Checkpoint:` trailers, agents'
// `Co-authored-by:` trailers, and the lines the commit added. git is run without a shell.
import { execFileSync } from "node:child_process";

export type Git = (args: string[]) => string | null;

/** Runs git in `cwd`; null when git exits non-zero (no note, no such ref). */
export function gitIn(cwd: string): Git {
  return (args) => {
    try {
      return execFileSync("git", args, {
        cwd,
        encoding: "utf8",
        stdio: ["ignore", "pipe", "pipe"],
        maxBuffer: 64 * 1024 * 1024,
      });
    } catch {
      return null;
    }
  };
}

/** Values of `Key: value` trailers in a commit message (case-insensitive key). */
export function trailerValues(message: string, key: string): string[] {
  const pattern = new RegExp(`^[ \\t]*${key}:[ \\t]*(.+?)[ \\t]*$`, "gim");
  return [...message.matchAll(pattern)].map((match) => match[1]);
}

/** Lines added according to `git show --numstat` (binary files, shown as "-", count nothing). */
export function addedLines(numstat: string): number {
  return numstat
    .split("\n")
    .map((line) => /^(\d+)\t/.exec(line))
    .reduce((sum, match) => sum + (match ? Number(match[1]) : 0), 0);
}

export type CommitEvidence = {
  sha: string;
  note: string | null;
  checkpoint: unknown | null;
  checkpointId: string | null;
  coAuthors: string[];
  totalLines: number;
};

const CHECKPOINT_ID = /^[0-9A-Za-z]{12,40}$/;

/** Entire's session metadata for a checkpoint id: its own ref (ULID) or the v1 branch (12-hex). */
export function readCheckpoint(git: Git, id: string): unknown | null {
  if (!CHECKPOINT_ID.test(id)) return null;
  const candidates = [
    `refs/entire/checkpoints/${id.slice(-2)}/${id}:0/metadata.json`,
    `entire/checkpoints/v1:${id.slice(0, 2)}/${id.slice(2)}/0/metadata.json`,
    `origin/entire/checkpoints/v1:${id.slice(0, 2)}/${id.slice(2)}/0/metadata.json`,
  ];
  for (const spec of candidates) {
    const text = git(["show", spec]);
    if (text === null) continue;
    try {
      return JSON.parse(text);
    } catch {
      return null;
    }
  }
  return null;
}

export function readCommitEvidence(git: Git, rev: string): CommitEvidence {
  if (rev.startsWith("-")) throw new Error(`“${rev}” is not a commit.`);
  const sha = git(["rev-parse", "--verify", "--quiet", `${rev}^{commit}`])?.trim();
  if (!sha) throw new Error(`“${rev}” is not a commit in this repository.`);
  const message = git(["log", "-1", "--format=%B", sha]) ?? "";
  const checkpointId = trailerValues(message, "Entire-Checkpoint")[0] ?? null;
  return {
    sha,
    note: git(["notes", "--ref=ai", "show", sha]),
    checkpointId,
    checkpoint: checkpointId ? readCheckpoint(git, checkpointId) : null,
    coAuthors: trailerValues(message, "Co-authored-by"),
    totalLines: addedLines(git(["show", "--numstat", "--format=", sha]) ?? ""),
  };
}

/** The request body for POST /api/v1/changes/{id}/attribution, best evidence first; null when there is none. */
export function attributionBody(evidence: CommitEvidence): Record<string, unknown> | null {
  const common = {
    commitSha: evidence.sha,
    totalLines: evidence.totalLines,
    coAuthors: evidence.coAuthors.slice(0, 50),
  };
  if (evidence.note !== null && evidence.note.trim()) return { format: "git-ai", note: evidence.note, ...common };
  if (evidence.checkpoint !== null) return { format: "entire", checkpoint: evidence.checkpoint, ...common };
  if (evidence.coAuthors.length) return { format: "trailers", coAuthors: common.coAuthors, commitSha: evidence.sha };
  return null;
}
