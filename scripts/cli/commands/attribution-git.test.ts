import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addedLines, attributionBody, gitIn, readCommitEvidence, trailerValues } from "./attribution-git";

// A real repository in a temp folder: a commit with a git-ai note (added with
// `git notes --ref=ai add`), one with an Entire checkpoint on its own ref, one with trailers only.
const note = readFileSync(
  new URL("../../../lib/domain/attribution/fixtures/git-ai-spec-sessions.note", import.meta.url),
  "utf8",
);
const checkpoint = readFileSync(
  new URL("../../../lib/domain/attribution/fixtures/entire-session-metadata.json", import.meta.url),
  "utf8",
);
let dir: string;
const git = (...args: string[]) => execFileSync("git", args, { cwd: dir, encoding: "utf8" }).trim();

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), "faultline-attr-"));
  git("init", "-q", "-b", "main");
  git("config", "user.email", "dev@example.com");
  git("config", "user.name", "Dev");
  writeFileSync(path.join(dir, "a.ts"), "one\ntwo\nthree\n");
  git("add", ".");
  git("commit", "-qm", "First");
  writeFileSync(path.join(dir, "note.txt"), note);
  git("notes", "--ref=ai", "add", "-F", path.join(dir, "note.txt"), "HEAD");
  writeFileSync(path.join(dir, "b.ts"), "x\n".repeat(10));
  git("add", "b.ts");
  git(
    "commit",
    "-qm",
    "Second\n\nEntire-Checkpoint: 01KXEWS08ZG9WXQPFE4QDA4GA3\nCo-authored-by: Claude <noreply@anthropic.com>",
  );
  const blob = execFileSync("git", ["hash-object", "-w", "--stdin"], {
    cwd: dir,
    input: checkpoint,
    encoding: "utf8",
  }).trim();
  const tree = execFileSync("git", ["mktree"], {
    cwd: dir,
    input: `040000 tree ${execFileSync("git", ["mktree"], { cwd: dir, input: `100644 blob ${blob}\tmetadata.json\n`, encoding: "utf8" }).trim()}\t0\n`,
    encoding: "utf8",
  }).trim();
  git(
    "update-ref",
    "refs/entire/checkpoints/A3/01KXEWS08ZG9WXQPFE4QDA4GA3",
    git("commit-tree", tree, "-m", "checkpoint"),
  );
  git(
    "commit",
    "-q",
    "--allow-empty",
    "-m",
    "Third\n\nCo-authored-by: Copilot <175728472+Copilot@users.noreply.github.com>",
  );
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("reading a commit's evidence", () => {
  it("takes the git-ai note and the lines the commit added", () => {
    const evidence = readCommitEvidence(gitIn(dir), "HEAD~2");
    expect(evidence.note?.trim()).toBe(note.trim());
    expect(evidence.totalLines).toBe(3);
    expect(attributionBody(evidence)).toMatchObject({ format: "git-ai", totalLines: 3, commitSha: evidence.sha });
  });

  it("falls back to the Entire checkpoint named by the trailer, keeping agent co-authors", () => {
    const evidence = readCommitEvidence(gitIn(dir), "HEAD~1");
    expect(evidence).toMatchObject({ note: null, checkpointId: "01KXEWS08ZG9WXQPFE4QDA4GA3", totalLines: 10 });
    expect(attributionBody(evidence)).toMatchObject({
      format: "entire",
      checkpoint: { agent: "Claude Code" },
      coAuthors: ["Claude <noreply@anthropic.com>"],
    });
  });

  it("posts trailers alone when that is all there is, and nothing when there is nothing", () => {
    expect(attributionBody(readCommitEvidence(gitIn(dir), "HEAD"))).toMatchObject({ format: "trailers" });
    const bare = {
      sha: "a".repeat(40),
      note: null,
      checkpoint: null,
      checkpointId: null,
      coAuthors: [],
      totalLines: 0,
    };
    expect(attributionBody(bare)).toBeNull();
  });

  it("refuses revisions that are not commits or look like options", () => {
    expect(() => readCommitEvidence(gitIn(dir), "no-such-branch")).toThrow(/not a commit/);
    expect(() => readCommitEvidence(gitIn(dir), "--output=/tmp/x")).toThrow(/not a commit/);
  });

  it("parses trailers and numstat", () => {
    expect(trailerValues("x\n\nco-authored-by: A <a@b>\nCo-Authored-By:  B <b@c> ", "Co-authored-by")).toEqual([
      "A <a@b>",
      "B <b@c>",
    ]);
    expect(addedLines("3\t1\ta.ts\n-\t-\timg.png\n10\t0\tb.ts\n")).toBe(13);
  });
});
