import { describe, expect, it } from "vitest";
import {
  backoffDelayMs,
  classifyAttempt,
  MAX_RETRY_DELAY_MS,
  nextAttemptDelayMs,
  parseRetryAfterMs,
} from "./webhook-retry";

describe("classifyAttempt", () => {
  it("delivers on 2xx, retries network errors, 5xx, 408 and 429, gives up on other answers", () => {
    expect(classifyAttempt({ status: 200 }).kind).toBe("delivered");
    expect(classifyAttempt({ status: 204 }).kind).toBe("delivered");
    expect(classifyAttempt({ error: "ECONNREFUSED" })).toEqual({ kind: "retry", reason: "ECONNREFUSED" });
    for (const status of [500, 502, 503, 408, 429])
      expect(classifyAttempt({ status })).toEqual({ kind: "retry", reason: null });
    for (const status of [301, 400, 401, 404, 410, 422]) expect(classifyAttempt({ status }).kind).toBe("give-up");
  });
});

describe("backoffDelayMs", () => {
  it("doubles from the base, with the jitter inside ±20 %", () => {
    expect(backoffDelayMs(1, 1000, () => 0.5)).toBe(1000);
    expect(backoffDelayMs(2, 1000, () => 0.5)).toBe(2000);
    expect(backoffDelayMs(4, 1000, () => 0.5)).toBe(8000);
    expect(backoffDelayMs(3, 1000, () => 0)).toBe(3200);
    expect(backoffDelayMs(3, 1000, () => 1)).toBe(4800);
  });

  it("never waits longer than the cap", () => {
    expect(backoffDelayMs(40, 30_000, () => 1)).toBe(MAX_RETRY_DELAY_MS);
  });
});

describe("parseRetryAfterMs", () => {
  const now = new Date("2026-11-24T08:00:00Z");
  it("reads seconds and HTTP dates", () => {
    expect(parseRetryAfterMs("3", now)).toBe(3000);
    expect(parseRetryAfterMs("Tue, 24 Nov 2026 08:00:30 GMT", now)).toBe(30_000);
    expect(parseRetryAfterMs("Tue, 24 Nov 2026 07:00:00 GMT", now)).toBe(0);
  });
  it("ignores absent or unreadable values and caps huge ones", () => {
    expect(parseRetryAfterMs(null, now)).toBeNull();
    expect(parseRetryAfterMs("soon", now)).toBeNull();
    expect(parseRetryAfterMs("999999999", now)).toBe(MAX_RETRY_DELAY_MS);
  });
  it("takes precedence over the backoff", () => {
    expect(nextAttemptDelayMs({ attempt: 1, baseMs: 10, retryAfterMs: 2000 })).toBe(2000);
    expect(nextAttemptDelayMs({ attempt: 2, baseMs: 10, retryAfterMs: null, random: () => 0.5 })).toBe(20);
  });
});
