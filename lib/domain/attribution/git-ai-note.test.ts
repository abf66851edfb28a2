import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseGitAiNote } from "./git-ai-note";

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), "utf8");

describe("git-ai v3 notes (fixtures from git-ai's spec and tests)", () => {
  it("reads the spec's sessions example: two agents, one known human", () => {
    const summary = parseGitAiNote(fixture("git-ai-spec-sessions.note"));
    // src/main.rs: AI 1-10,15-20,25,30-35 = 23 lines; human 42-50 = 9; src/lib.rs: AI 1-50.
    expect(summary).toMatchObject({
      source: "git-ai",
      schemaVersion: "authorship/3.0.0",
      aiLines: 73,
      humanLines: 9,
      files: 2,
    });
    expect(summary.totalLines).toBe(82);
    expect(summary.aiShare).toBeCloseTo(73 / 82, 12);
    expect(summary.agents).toEqual([
      { tool: "Claude Code", model: "claude-sonnet-4-5-20250514", lines: 50 },
      { tool: "Cursor", model: "claude-sonnet-4-5-20250514", lines: 23 },
    ]);
  });

  it("resolves legacy 16-hex keys through prompts, keeping models apart", () => {
    const summary = parseGitAiNote(fixture("git-ai-spec-legacy-keys.note"));
    expect(summary.aiLines).toBe(16 + 7 + 50);
    expect(summary.humanLines).toBe(0);
    expect(summary.agents.map((a) => `${a.tool}/${a.model}/${a.lines}`)).toEqual([
      "Cursor/claude-4.5-opus/66",
      "Cursor/claude-3-sonnet/7",
    ]);
  });

  it("reads a mixed note (session, human and legacy prompt keys)", () => {
    const summary = parseGitAiNote(fixture("git-ai-spec-mixed.note"));
    expect(summary).toMatchObject({ aiLines: 60, humanLines: 6 });
    expect(summary.agents.map((a) => a.tool)).toEqual(["Cursor", "Claude Code"]);
  });

  it("reads git-ai's own serializer output, including keys without metadata and quoted paths", () => {
    expect(parseGitAiNote(fixture("git-ai-test-expected_format.note"))).toMatchObject({
      aiLines: 2 + 204 + 6 + 111 + 2,
      files: 2,
    });
    const spaced = parseGitAiNote(fixture("git-ai-test-file_names_with_spaces.note"));
    expect(spaced).toMatchObject({ aiLines: 10 + 1 + 6, files: 3 });
    expect(spaced.agents).toEqual([{ tool: "Cursor", model: "claude-3-sonnet", lines: 17 }]);
  });

  it("accepts an empty attestation section: nothing attributed, no share", () => {
    const summary = parseGitAiNote(fixture("git-ai-test-serialize_deserialize_no_attestations.note"));
    expect(summary).toMatchObject({ aiLines: 0, humanLines: 0, totalLines: 0, aiShare: null, files: 0 });
  });

  it("uses the diff's line count as the denominator when it is larger (untracked lines)", () => {
    const summary = parseGitAiNote(fixture("git-ai-spec-sessions.note"), 200);
    expect(summary.totalLines).toBe(200);
    expect(summary.aiShare).toBeCloseTo(73 / 200, 12);
  });
});

describe("git-ai legacy authorship/0.0.1 blobs", () => {
  it("reads a real blob: agent labels are AI, duplicates and overlaps count once", () => {
    const summary = parseGitAiNote(fixture("git-ai-legacy-0.0.1.json"));
    // Cursor: settings.json 2; extension.ts 182-183, 186 → 4 lines.
    expect(summary.aiLines).toBe(4);
    // Aidan: release.yml 8-34, 39 (28); extension.ts 158-160, 182 — but 182 is also Cursor's → 3.
    expect(summary.humanLines).toBe(31);
    expect(summary.schemaVersion).toBe("authorship/0.0.1");
    expect(summary.agents).toEqual([{ tool: "Cursor", model: null, lines: 4 }]);
  });
});

describe("hostile and malformed notes", () => {
  const v3 = (attestations: string, version = "authorship/3.0.0") =>
    `${attestations}\n---\n{"schema_version":"${version}","base_commit_sha":"","prompts":{}}`;

  it("rejects 1-9223372036854775807 without expanding it, naming the line", () => {
    const started = performance.now();
    expect(() => parseGitAiNote(v3("a.rs\n  abcdef1234567890 1-9223372036854775807"))).toThrow(
      /9223372036854775807 is outside 1–4294967295/,
    );
    expect(performance.now() - started).toBeLessThan(100);
  });

  it("counts a whole u32 range in constant time and merges overlaps", () => {
    const summary = parseGitAiNote(
      v3("a.rs\n  abcdef1234567890 1-4294967295,5-7,6-9\nb.rs\n  abcdef1234567890 3,1-2,3"),
    );
    expect(summary.aiLines).toBe(4294967295 + 3);
  });

  it("rejects a legacy blob whose range is beyond an exact integer", () => {
    const hostile = `{"files":{"a.rs":{"authors":[{"author":"Cursor","lines":[[1,9223372036854775807]]}]}},"schema_version":"authorship/0.0.1"}`;
    expect(() => parseGitAiNote(hostile)).toThrow(/outside 1–4294967295/);
  });

  it("names an unknown schema version", () => {
    expect(() => parseGitAiNote(v3("", "authorship/4.0.0"))).toThrow(
      /Unsupported git-ai schema version “authorship\/4.0.0”/,
    );
    expect(() => parseGitAiNote(`{"files":{},"schema_version":"authorship/0.0.2"}`)).toThrow(/“authorship\/0.0.2”/);
  });

  it.each([
    ["no divider", "a.rs\n  abcdef1234567890 1-3"],
    ["bad metadata", "a.rs\n  abcdef1234567890 1-3\n---\nnot json"],
    ["entry before a path", v3("  abcdef1234567890 1-3")],
    ["reversed range", v3("a.rs\n  abcdef1234567890 9-3")],
    ["line zero", v3("a.rs\n  abcdef1234567890 0-3")],
    ["spaces in ranges", v3("a.rs\n  abcdef1234567890 1-3, 5")],
    ["negative", v3("a.rs\n  abcdef1234567890 -3")],
    ["empty item", v3("a.rs\n  abcdef1234567890 1,,3")],
    ["bad key", v3("a.rs\n  not-a-key! 1-3")],
    ["unclosed quote", v3('"a b.rs\n  abcdef1234567890 1-3')],
    ["prompts not an object", 'a.rs\n  abcdef1234567890 1\n---\n{"schema_version":"authorship/3.0.0","prompts":[1]}'],
  ])("rejects %s with a message", (_name, note) => {
    expect(() => parseGitAiNote(note)).toThrow(/./);
  });

  it("rejects a note over the size limit before reading it", () => {
    expect(() => parseGitAiNote("x".repeat(2_000_001))).toThrow(/longer than/);
  });
});
