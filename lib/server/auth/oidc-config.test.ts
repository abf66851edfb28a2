import { describe, expect, it } from "vitest";
import { signInErrorMessage } from "@/lib/domain/sign-in-errors";
import { getOidcConfig } from "./oidc-config";

describe("single sign-on configuration", () => {
  const full = {
    FAULTLINE_OIDC_ISSUER: "https://id.example.test/",
    FAULTLINE_OIDC_CLIENT_ID: " faultline ",
    FAULTLINE_OIDC_CLIENT_SECRET: "s3cret",
  };
  it("is off without variables and off (not half on) with only some", () => {
    expect(getOidcConfig({})).toBeNull();
    expect(getOidcConfig({ FAULTLINE_OIDC_ISSUER: "https://id.example.test" })).toBeNull();
  });
  it("trims values, drops the issuer's trailing slash and names the button", () => {
    expect(getOidcConfig(full)).toEqual({
      issuer: "https://id.example.test",
      clientId: "faultline",
      clientSecret: "s3cret",
      name: "single sign-on",
    });
    expect(getOidcConfig({ ...full, FAULTLINE_OIDC_NAME: "Okta" })?.name).toBe("Okta");
  });
});

describe("sign-in page messages", () => {
  it("explains our refusals and next-auth's errors, and says nothing without an error", () => {
    expect(signInErrorMessage(undefined)).toBeUndefined();
    expect(signInErrorMessage("SsoDeactivated")).toContain("deactivated");
    expect(signInErrorMessage("SsoEmailUnverified")).toContain("not verified");
    expect(signInErrorMessage("OAuthCallback")).toContain("Try signing in again");
    expect(signInErrorMessage("SomethingNew")).toBe("Sign-in did not complete. Try again.");
  });
});
