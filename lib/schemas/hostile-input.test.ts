import { describe, expect, it } from "vitest";
import { collectFieldErrors, findHostileInput } from "./hostile-input";

describe("hostile input", () => {
  it("finds NUL characters and lone surrogates anywhere, with their path", () => {
    expect(findHostileInput({ a: "ok", b: ["x", "y\u0000"] })).toEqual({
      path: "b.1",
      message: expect.stringMatching(/NUL/),
    });
    expect(findHostileInput({ title: "a\ud800b" })).toEqual({
      path: "title",
      message: expect.stringMatching(/surrogate/),
    });
    expect(findHostileInput("\udc00")?.path).toBe("_body");
    expect(findHostileInput({ ok: "emoji 😀 and ü", n: 1, t: true, z: null })).toBeNull();
  });

  it("refuses prototype keys, including an own __proto__ made by JSON.parse", () => {
    expect(findHostileInput(JSON.parse('{"__proto__": {"admin": true}}'))).toMatchObject({ path: "_body" });
    expect(findHostileInput({ nested: { constructor: 1 } })).toMatchObject({ path: "nested" });
    expect(findHostileInput({ prototype: 1 })?.message).toMatch(/prototype/);
    expect(findHostileInput({ ["k\u0000"]: 1 })).not.toBeNull();
  });

  it("collects field errors under any key without touching Object.prototype", () => {
    const errors = collectFieldErrors([
      ["constructor", "a"],
      ["__proto__", "b"],
      ["constructor", "c"],
    ]);
    expect(errors.constructor).toEqual(["a", "c"]);
    expect(Object.getOwnPropertyDescriptor(errors, "__proto__")?.value).toEqual(["b"]);
    expect(({} as Record<string, unknown>).b).toBeUndefined();
  });
});
