// Which database, and the embedded one's memory setting (decision 031): read from the
// environment once, refused at start-up when it is not a plain number of megabytes.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, it } from "vitest";
import { openConnection } from "./connection";
import { EMBEDDED_SHARED_BUFFERS_MB, resolveDbTarget } from "./target";

it("uses the embedded database with small shared buffers unless told otherwise", () => {
  expect(resolveDbTarget({ FAULTLINE_DATA_DIR: "/srv/faultline" })).toEqual({
    kind: "embedded",
    dataDir: "/srv/faultline",
    sharedBuffersMb: EMBEDDED_SHARED_BUFFERS_MB,
  });
  expect(resolveDbTarget({ FAULTLINE_DATA_DIR: "/srv/f", FAULTLINE_EMBEDDED_SHARED_BUFFERS_MB: " 64 " })).toMatchObject(
    {
      sharedBuffersMb: 64,
    },
  );
  // PostgreSQL's own settings are the server's business.
  expect(
    resolveDbTarget({ DATABASE_URL: "postgresql://db/faultline", FAULTLINE_EMBEDDED_SHARED_BUFFERS_MB: "x" }),
  ).toEqual({ kind: "postgres", url: "postgresql://db/faultline" });
});

it.each(["0", "-5", "1e3", "16MB", "1.5", "99999", "NaN", "16\u0000"])(
  "refuses FAULTLINE_EMBEDDED_SHARED_BUFFERS_MB=%j with a message naming the variable",
  (value) => {
    expect(() => resolveDbTarget({ FAULTLINE_EMBEDDED_SHARED_BUFFERS_MB: value })).toThrow(
      /FAULTLINE_EMBEDDED_SHARED_BUFFERS_MB must be a whole number of megabytes/,
    );
  },
);

it("starts PGlite with that setting, on a new folder and on an existing one", async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "faultline-target-"));
  try {
    for (const mb of [24, 16]) {
      const connection = openConnection(
        resolveDbTarget({
          FAULTLINE_DATA_DIR: path.join(dir, "data"),
          FAULTLINE_EMBEDDED_SHARED_BUFFERS_MB: String(mb),
        }),
      );
      try {
        const rows = await connection.withSession((session) => session.query("SHOW shared_buffers"));
        expect(rows).toEqual([{ shared_buffers: `${mb}MB` }]);
      } finally {
        await connection.close();
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}, 120_000);
