import { describe, expect, it } from "vitest";
import { isDatabaseUnavailable, isLockTimeout } from "./unavailable";

// The shapes below are those measured from Prisma 7.10 + @prisma/adapter-pg against a stopped
// server (lib/server/api/database-down.test.ts exercises the real ones end to end).
const adapterError = (cause: Record<string, unknown>, code = "P2010") =>
  Object.assign(new Error("x"), {
    name: "PrismaClientKnownRequestError",
    code,
    meta: { driverAdapterError: { cause } },
  });

describe("isDatabaseUnavailable", () => {
  it.each([
    ["can't reach (P1001)", Object.assign(new Error(), { code: "P1001" })],
    ["pool timeout (P2024)", Object.assign(new Error(), { code: "P2024" })],
    ["transaction could not start (P2028)", Object.assign(new Error(), { code: "P2028" })],
    ["admin shutdown (57P01) inside a raw query", adapterError({ code: "57P01", originalCode: "57P01" })],
    ["cannot connect now (57P03)", adapterError({ code: "57P03" })],
    ["connection failure (08006)", adapterError({ code: "08006" })],
    ["too many connections (53300)", adapterError({ code: "53300" })],
    ["adapter: not reachable", adapterError({ kind: "DatabaseNotReachable", host: "h", port: 1 })],
    ["adapter: connection closed", adapterError({ kind: "ConnectionClosed" })],
    ["pg.Client refused", Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" })],
    ["wrapped in a cause", new Error("outer", { cause: Object.assign(new Error(), { code: "ECONNRESET" }) })],
    ["initialisation", Object.assign(new Error(), { name: "PrismaClientInitializationError" })],
  ])("%s → unavailable", (_label, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it.each([
    ["unique violation (P2002)", Object.assign(new Error(), { code: "P2002" })],
    ["syntax error (42601)", adapterError({ code: "42601" })],
    ["lock timeout (55P03)", adapterError({ code: "55P03" })],
    ["a plain bug", new TypeError("x is undefined")],
    ["not an error", "ECONNREFUSED"],
    ["nothing", undefined],
  ])("%s → not unavailable", (_label, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });

  it("tells a lock timeout apart", () => {
    expect(isLockTimeout(adapterError({ code: "55P03", originalCode: "55P03" }))).toBe(true);
    expect(isLockTimeout(adapterError({ code: "57P01" }))).toBe(false);
  });
});
