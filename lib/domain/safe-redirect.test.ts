import { describe, expect, it } from "vitest";
import { DEFAULT_AFTER_SIGN_IN, safeRedirectPath } from "./safe-redirect";

const APP = "https://faultline.example.com";

describe("safeRedirectPath: hostile destinations never leave the app", () => {
  // As they arrive after the query string is decoded (what searchParams and next-auth see).
  const hostile = [
    "//evil.example",
    "///evil.example",
    "/\\evil.example",
    "\\\\evil.example",
    "/\\/evil.example",
    "\\/evil.example",
    "/\t/evil.example",
    "/\n/evil.example",
    "\t//evil.example",
    " //evil.example",
    "https://evil.example",
    "HTTPS://evil.example/incidents",
    "http:evil.example",
    "https:/evil.example",
    "https:\\\\evil.example",
    "//evil.example@faultline.example.com",
    "https://faultline.example.com@evil.example",
    "https://faultline.example.com.evil.example/",
    "http://faultline.example.com/incidents", // same host, other scheme: another origin
    "javascript:alert(1)",
    "JaVaScRiPt:alert(document.cookie)",
    "data:text/html,<script>alert(1)</script>",
    "//%65vil.example",
    "/%5Cevil.example".replace("%5C", "\\"),
    "",
    "evil.example",
    "%2F%5Cevil.example", // double-encoded: still only a path here
    "%2F%2Fevil.example",
    "/%09/evil.example",
  ];
  it.each(hostile)("%j → stays on the app", (value) => {
    const path = safeRedirectPath(value, APP);
    expect(path.startsWith("/")).toBe(true);
    expect(path.startsWith("//")).toBe(false);
    expect(path).not.toContain("\\");
    expect(new URL(path, APP).origin).toBe(APP);
  });

  it("refuses what is not a plain string", () => {
    for (const value of [undefined, null, 42, ["/a", "/b"], { url: "/a" }, "/".repeat(3000)])
      expect(safeRedirectPath(value, APP)).toBe(DEFAULT_AFTER_SIGN_IN);
  });

  it("keeps the path, query and fragment of legitimate destinations", () => {
    expect(safeRedirectPath("/incidents/42?tab=changes#timeline", APP)).toBe("/incidents/42?tab=changes#timeline");
    expect(safeRedirectPath("/approvals", APP)).toBe("/approvals");
    expect(safeRedirectPath(`${APP}/dashboard?week=2026-W05`, APP)).toBe("/dashboard?week=2026-W05");
    expect(safeRedirectPath("/%2F%2Fevil.example", APP)).toBe("/%2F%2Fevil.example");
  });

  it("collapses a doubled leading slash that only appears after resolving", () => {
    expect(safeRedirectPath(`${APP}//evil.example/x`, APP)).toBe("/evil.example/x");
    expect(safeRedirectPath("/incidents/..//evil.example", APP)).toBe("/evil.example");
  });
});
