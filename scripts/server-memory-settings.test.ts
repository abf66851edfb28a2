// The memory settings `npm start` gives the server (decision 031): added once, never over the
// environment's own, and a bad heap size stops the start with a message.
import { expect, it } from "vitest";
import { withServerMemorySettings } from "./server-memory-settings.mjs";

it("adds the heap cap, the young generation and two malloc arenas", () => {
  expect(withServerMemorySettings({ PORT: "3000" })).toEqual({
    PORT: "3000",
    NODE_OPTIONS: "--max-old-space-size=256 --max-semi-space-size=8",
    MALLOC_ARENA_MAX: "2",
  });
  expect(withServerMemorySettings({ FAULTLINE_MAX_HEAP_MB: "512" }).NODE_OPTIONS).toBe(
    "--max-old-space-size=512 --max-semi-space-size=8",
  );
});

it("leaves what the environment already sets", () => {
  const env = {
    NODE_OPTIONS: "--enable-source-maps --max-semi-space-size=16 --max-old-space-size=1024",
    MALLOC_ARENA_MAX: "8",
    FAULTLINE_MAX_HEAP_MB: "not looked at",
  };
  expect(withServerMemorySettings(env)).toEqual(env);
  expect(withServerMemorySettings({ NODE_OPTIONS: "--enable-source-maps" }).NODE_OPTIONS).toBe(
    "--enable-source-maps --max-old-space-size=256 --max-semi-space-size=8",
  );
});

it.each(["64", "abc", "256.5", "-300", "", "256\u0000"])("refuses FAULTLINE_MAX_HEAP_MB=%j", (value) => {
  expect(() => withServerMemorySettings({ FAULTLINE_MAX_HEAP_MB: value })).toThrow(
    /FAULTLINE_MAX_HEAP_MB must be a whole number of megabytes, at least 128/,
  );
});
