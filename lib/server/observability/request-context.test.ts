import { describe, expect, it } from "vitest";
import { acceptRequestId, currentRequestId, REQUEST_ID_HEADER, withRequestContext } from "./request-context";

describe("acceptRequestId", () => {
  it.each(["0f8fe0c4-8c1e-4a43-9d3a-5b2f4c1f2a10", "01HZX3K9V4", "abc.def:1_2-3", "a".repeat(128)])(
    "keeps a well-formed id %s",
    (id) => expect(acceptRequestId(id)).toBe(id),
  );

  it.each([
    ["empty", ""],
    ["too long", "a".repeat(129)],
    ["a NUL byte", "abc\u0000def"],
    ["a space", "abc def"],
    ["a newline (log injection)", 'abc\n{"level":"error"}'],
    ["non-ASCII", "abcé"],
    ["a leading dash", "-abc"],
    ["JSON", '{"a":1}'],
  ])("refuses %s", (_, id) => expect(acceptRequestId(id)).toBeUndefined());

  it("refuses a header sent twice, and nothing", () => {
    expect(acceptRequestId(["a", "b"])).toBeUndefined();
    expect(acceptRequestId(null)).toBeUndefined();
    expect(acceptRequestId(undefined)).toBeUndefined();
  });
});

describe("withRequestContext", () => {
  it("keeps a client's well-formed id, and the handler sees it", async () => {
    let seen: string | undefined;
    const response = await withRequestContext(
      new Request("http://x/", { headers: { [REQUEST_ID_HEADER]: "trace-123" } }),
      async () => {
        seen = currentRequestId();
        return new Response("ok");
      },
    );
    expect(seen).toBe("trace-123");
    expect(response.headers.get(REQUEST_ID_HEADER)).toBe("trace-123");
  });

  it("replaces a malformed id with a fresh UUID, also on an immutable response", async () => {
    const response = await withRequestContext(
      new Request("http://x/", { headers: { [REQUEST_ID_HEADER]: "bad id" } }),
      async () => Response.redirect("http://x/elsewhere", 302),
    );
    expect(response.headers.get(REQUEST_ID_HEADER)).toMatch(/^[0-9a-f-]{36}$/);
    expect(response.status).toBe(302);
  });
});
