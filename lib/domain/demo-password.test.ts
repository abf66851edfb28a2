import { describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "@/lib/server/demo/demo-catalog";
import { isDemoPasswordRefused } from "./demo-password";

describe("isDemoPasswordRefused", () => {
  it("lets the demo password in on the embedded database, where the demo organisation lives", () => {
    expect(isDemoPasswordRefused(DEMO_PASSWORD, { embedded: true, demoDataSetting: undefined })).toBe(false);
  });
  it("refuses it on a real PostgreSQL unless FAULTLINE_DEMO_DATA=1 was set explicitly", () => {
    expect(isDemoPasswordRefused(DEMO_PASSWORD, { embedded: false, demoDataSetting: undefined })).toBe(true);
    expect(isDemoPasswordRefused(DEMO_PASSWORD, { embedded: false, demoDataSetting: "1" })).toBe(false);
    expect(isDemoPasswordRefused(DEMO_PASSWORD, { embedded: false, demoDataSetting: "true" })).toBe(true);
  });
  it("follows an explicit FAULTLINE_DEMO_DATA=0 even on the embedded database", () => {
    expect(isDemoPasswordRefused(DEMO_PASSWORD, { embedded: true, demoDataSetting: "0" })).toBe(true);
  });
  it("never refuses any other password", () => {
    for (const password of ["faultline-demo ", "Faultline-demo", "correct horse battery"])
      expect(isDemoPasswordRefused(password, { embedded: false, demoDataSetting: undefined })).toBe(false);
  });
});
