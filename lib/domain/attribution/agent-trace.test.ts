import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseAgentTrace } from "./agent-trace";
import { parseEntireCheckpoint } from "./entire-checkpoint";

const fixture = (name: string) => JSON.parse(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), "utf8"));

describe("Agent Trace records (examples from the specification)", () => {
  it("reads §6.2: two files, two models, the tool's name", () => {
    const summary = parseAgentTrace(fixture("agent-trace-spec-example.json"));
    expect(summary).toMatchObject({
      source: "agent-trace",
      schemaVersion: "0.1.0",
      aiLines: 26 + 16,
      humanLines: 0,
      files: 2,
    });
    expect(summary.agents).toEqual([
      { tool: "Cursor", model: "anthropic/claude-opus-4-5-20251101", lines: 26 },
      { tool: "Cursor", model: "openai/gpt-4o", lines: 16 },
    ]);
  });

  it("reads Appendix A (no tool, no model)", () => {
    expect(parseAgentTrace(fixture("agent-trace-spec-minimal.json"))).toMatchObject({
      aiLines: 50,
      aiShare: 1,
      agents: [{ tool: "unknown", model: null, lines: 50 }],
    });
  });

  it("lets a range override its conversation's contributor; mixed counts as AI, unknown as neither", () => {
    const record = fixture("agent-trace-spec-minimal.json");
    record.files[0].conversations = [
      {
        contributor: { type: "human" },
        ranges: [
          { start_line: 1, end_line: 10 },
          { start_line: 11, end_line: 12, contributor: { type: "mixed", model_id: "openai/gpt-4o" } },
          { start_line: 13, end_line: 20, contributor: { type: "unknown" } },
        ],
      },
    ];
    expect(parseAgentTrace(record, 40)).toMatchObject({ aiLines: 2, humanLines: 10, totalLines: 40, aiShare: 0.05 });
  });

  it("names an unknown version and rejects hostile or malformed records", () => {
    const record = fixture("agent-trace-spec-minimal.json");
    expect(() => parseAgentTrace({ ...record, version: "2.0" })).toThrow(/Unsupported Agent Trace version “2.0”/);
    const huge = structuredClone(record);
    huge.files[0].conversations[0].ranges = [{ start_line: 1, end_line: 9223372036854775807 }];
    expect(() => parseAgentTrace(huge)).toThrow(/end_line/);
    const badType = structuredClone(record);
    badType.files[0].conversations[0].contributor = { type: "robot" };
    expect(() => parseAgentTrace(badType)).toThrow(/files\.0\.conversations\.0\.contributor\.type/);
    expect(() => parseAgentTrace({ ...record, files: "all" })).toThrow(/files/);
    expect(() => parseAgentTrace(null)).toThrow(/Not an Agent Trace record/);
  });
});

describe("Entire checkpoints", () => {
  it("reads a real session metadata.json", () => {
    expect(parseEntireCheckpoint(fixture("entire-session-metadata.json"))).toEqual({
      source: "entire",
      schemaVersion: "metric/2",
      aiLines: 2,
      humanLines: 0,
      totalLines: 2,
      aiShare: 1,
      agents: [{ tool: "Claude Code", model: "claude-fable-5", lines: 2 }],
      files: 0,
    });
  });

  it("uses total_committed (Entire's denominator) and human counts", () => {
    const session = fixture("entire-session-metadata.json");
    session.initial_attribution = {
      agent_lines: 30,
      human_added: 10,
      human_modified: 5,
      total_committed: 60,
      agent_percentage: 50,
    };
    expect(parseEntireCheckpoint(session)).toMatchObject({
      aiLines: 30,
      humanLines: 15,
      totalLines: 60,
      aiShare: 0.5,
      schemaVersion: "metric/1",
    });
  });

  it("names an unknown metric_version and rejects nonsense counts", () => {
    const session = fixture("entire-session-metadata.json");
    expect(() =>
      parseEntireCheckpoint({ ...session, initial_attribution: { ...session.initial_attribution, metric_version: 7 } }),
    ).toThrow(/metric_version “7”/);
    expect(() => parseEntireCheckpoint({ ...session, initial_attribution: { agent_lines: -1 } })).toThrow(
      /agent_lines/,
    );
    expect(() =>
      parseEntireCheckpoint({ ...session, initial_attribution: { agent_lines: 9223372036854775807 } }),
    ).toThrow(/agent_lines/);
    expect(() => parseEntireCheckpoint({ agent: "Claude Code" })).toThrow(/initial_attribution/);
  });
});
