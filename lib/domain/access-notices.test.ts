import { describe, expect, it } from "vitest";
import { accessNoticeFor } from "./access-notices";

describe("access notices", () => {
  it.each([
    ["/incidents/new", "You cannot declare incidents"],
    ["/incidents/12/audit", "Only admins can read the audit log"],
    ["/changes/new", "You cannot register changes"],
    ["/admin/users/7", "Only admins manage users"],
    ["/admin/tokens", "Only admins manage API tokens"],
    ["/admin/webhooks/3", "Only admins manage outbound webhooks"],
    ["/admin/slack", "Only admins manage Slack destinations"],
  ])("%s says why: %s", (path, title) => {
    expect(accessNoticeFor(path).title).toBe(title);
  });

  it("falls back to a notice that still says what to do", () => {
    expect(accessNoticeFor("/admin/usersx").body).toMatch(/Ask an admin/);
    expect(accessNoticeFor("/something/else").title).toBe("Your role cannot open this page");
  });
});
