import { describe, expect, it } from "vitest";
import { commitStatusOperation, validate } from "./github-status-server";

// The stand-in is only as good as its checks: they must refuse what GitHub's schemas refuse.
describe("GitHub's createCommitStatus schemas", () => {
  const { request, response, example } = commitStatusOperation();
  it("accept GitHub's own example and a well-formed status", () => {
    expect(validate(response, example)).toEqual([]);
    expect(validate(request, { state: "pending", description: "x", target_url: null, context: "c" })).toEqual([]);
  });
  it("refuse an unknown state, a missing state, a wrong type and an answer without its creator", () => {
    expect(validate(request, { state: "waiting" })).not.toEqual([]);
    expect(validate(request, { description: "no state" })).not.toEqual([]);
    expect(validate(request, { state: "success", context: 7 })).not.toEqual([]);
    const { creator: _creator, ...withoutCreator } = example;
    expect(validate(response, withoutCreator)).not.toEqual([]);
  });
});
