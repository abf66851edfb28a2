import { describe, expect, it } from "vitest";
import { isEmailVerified, mergeOidcClaims, needsUserinfo } from "./oidc-claims";

describe("OIDC claims", () => {
  it("asks userinfo when the ID token lacks the email or its verification (conformant providers)", () => {
    expect(needsUserinfo({ sub: "a" })).toBe(true);
    expect(needsUserinfo({ sub: "a", email: "a@x.test" })).toBe(true);
    expect(needsUserinfo({ sub: "a", email: "a@x.test", email_verified: false })).toBe(false);
    expect(needsUserinfo({ sub: "a", email: "a@x.test", xms_edov: true })).toBe(false);
  });

  it("completes the ID token from userinfo without overriding it", () => {
    const merged = mergeOidcClaims(
      { sub: "a", name: "From Token" },
      { sub: "a", email: "a@x.test", email_verified: true, name: "From Userinfo", preferred_username: "ada" },
    );
    expect(merged).toEqual({
      sub: "a",
      name: "From Token",
      email: "a@x.test",
      email_verified: true,
      preferred_username: "ada",
    });
  });

  it("refuses a userinfo answer about someone else, and ignores values of the wrong type", () => {
    expect(() => mergeOidcClaims({ sub: "a" }, { sub: "b", email: "victim@x.test" })).toThrow(/another subject/);
    expect(() => mergeOidcClaims({ sub: "a" }, { email: "victim@x.test" })).toThrow(/another subject/);
    expect(mergeOidcClaims({ sub: "a" }, { sub: "a", email: { $ne: null }, email_verified: ["true"] })).toEqual({
      sub: "a",
    });
  });

  it("counts an email as verified only when the provider says so", () => {
    expect(isEmailVerified({ sub: "a", email_verified: true })).toBe(true);
    expect(isEmailVerified({ sub: "a", email_verified: "true" })).toBe(true);
    for (const value of [false, "false", "yes", "TRUE ", undefined])
      expect(isEmailVerified({ sub: "a", email_verified: value as never })).toBe(false);
    // Entra ID: no email_verified; the optional xms_edov claim stands in, but never overrides a "false".
    expect(isEmailVerified({ sub: "a", xms_edov: true })).toBe(true);
    expect(isEmailVerified({ sub: "a", xms_edov: "1" })).toBe(true);
    expect(isEmailVerified({ sub: "a", email_verified: false, xms_edov: true })).toBe(false);
    expect(isEmailVerified({ sub: "a" })).toBe(false);
  });
});
