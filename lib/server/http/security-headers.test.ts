import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, isHttpsRequest, newNonce, securityHeaders } from "./security-headers";

const directives = (csp: string) => new Map(csp.split("; ").map((d) => [d.split(" ")[0], d.split(" ").slice(1)]));

describe("security headers", () => {
  it("allows scripts only by this request's nonce: no inline, no eval, nothing from elsewhere", () => {
    const csp = directives(contentSecurityPolicy({ nonce: "abc123==", https: false }));
    expect(csp.get("script-src")).toEqual(["'self'", "'nonce-abc123=='", "'strict-dynamic'"]);
    expect(csp.get("object-src")).toEqual(["'none'"]);
    expect(csp.get("frame-ancestors")).toEqual(["'none'"]);
    expect(csp.get("base-uri")).toEqual(["'self'"]);
    expect(csp.has("upgrade-insecure-requests")).toBe(false);
  });

  it("lets the sign-in form leave for the single sign-on provider only", () => {
    const csp = directives(
      contentSecurityPolicy({ nonce: "n", https: true, formActionOrigins: ["https://id.example.com"] }),
    );
    expect(csp.get("form-action")).toEqual(["'self'", "https://id.example.com"]);
    expect(csp.has("upgrade-insecure-requests")).toBe(true);
  });

  it("sends HSTS only over https", () => {
    expect(securityHeaders({ nonce: "n", https: false })["strict-transport-security"]).toBeUndefined();
    expect(securityHeaders({ nonce: "n", https: true })["strict-transport-security"]).toMatch(/^max-age=\d+/);
    expect(securityHeaders({ nonce: "n", https: false })).toMatchObject({
      "x-frame-options": "DENY",
      "x-content-type-options": "nosniff",
    });
  });

  it("decides https from the public URL or the first forwarded protocol", () => {
    expect(isHttpsRequest(null, "https://faultline.example.com")).toBe(true);
    expect(isHttpsRequest("https, http", "http://localhost:3000")).toBe(true);
    expect(isHttpsRequest("http", "http://localhost:3000")).toBe(false);
    expect(isHttpsRequest(null, undefined)).toBe(false);
  });

  it("makes a fresh 128-bit nonce each time", () => {
    const nonces = new Set(Array.from({ length: 100 }, newNonce));
    expect(nonces.size).toBe(100);
    for (const nonce of nonces) expect(Buffer.from(nonce, "base64")).toHaveLength(16);
  });
});
