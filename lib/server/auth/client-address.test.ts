import { describe, expect, it } from "vitest";
import { getClientAddress, PEER_ADDRESS_HEADER, trustedProxyCount } from "./client-address";

const headers = (values: Record<string, string>) => new Headers(values);

describe("getClientAddress", () => {
  it("ignores X-Forwarded-For unless proxies are trusted: a client cannot pick its own address", () => {
    const h = headers({ "x-forwarded-for": "1.2.3.4", [PEER_ADDRESS_HEADER]: "203.0.113.9" });
    expect(getClientAddress(h, 0)).toBe("203.0.113.9");
  });

  it("takes the entry the outermost trusted proxy appended, not what the client prepended", () => {
    const h = headers({ "x-forwarded-for": "6.6.6.6, 198.51.100.20, 10.0.0.5", [PEER_ADDRESS_HEADER]: "10.0.0.9" });
    expect(getClientAddress(h, 1)).toBe("10.0.0.5");
    expect(getClientAddress(h, 2)).toBe("198.51.100.20");
  });

  it("falls back to the peer when the header has fewer hops than trusted proxies", () => {
    expect(getClientAddress(headers({ [PEER_ADDRESS_HEADER]: "::ffff:192.0.2.1" }), 1)).toBe("192.0.2.1");
    expect(getClientAddress(headers({}), 0)).toBe("unknown");
  });

  it("reads the setting strictly: anything but a small whole number means no trusted proxy", () => {
    expect(trustedProxyCount({})).toBe(0);
    expect(trustedProxyCount({ FAULTLINE_TRUSTED_PROXIES: "2" })).toBe(2);
    for (const bad of ["-1", "1.5", "yes", "99"]) expect(trustedProxyCount({ FAULTLINE_TRUSTED_PROXIES: bad })).toBe(0);
  });
});
