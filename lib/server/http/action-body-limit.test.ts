import { describe, expect, it } from "vitest";
import { ACTION_BODY_LIMIT_BYTES, refuseOversizedAction } from "./action-body-limit";

const post = (bytes: number, headers: Record<string, string> = { "next-action": "abc123" }) =>
  new Request("http://faultline.test/incidents/1", {
    method: "POST",
    headers: { ...headers, "content-length": String(bytes) },
  });

describe("server-action body limit", () => {
  it("answers a 2 MB form post with a 413 that says what to do", async () => {
    const response = refuseOversizedAction(post(2 * 1024 * 1024));
    expect(response?.status).toBe(413);
    expect(await response?.text()).toMatch(/larger than 1 MB.*nothing was saved/i);
  });

  it("lets posts within the limit, and requests that are not actions, through", () => {
    expect(refuseOversizedAction(post(ACTION_BODY_LIMIT_BYTES))).toBeNull();
    expect(refuseOversizedAction(post(2 * 1024 * 1024, {}))).toBeNull();
    expect(refuseOversizedAction(new Request("http://faultline.test/incidents/1"))).toBeNull();
  });
});
