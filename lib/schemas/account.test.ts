import { describe, expect, it } from "vitest";
import { changePasswordSchema } from "./account";

describe("change password form", () => {
  it("needs 12 characters, the same password twice and a different one", () => {
    const errors = (input: Record<string, string>) =>
      changePasswordSchema.safeParse(input).error?.flatten().fieldErrors;
    expect(errors({ currentPassword: "x", newPassword: "short", confirmPassword: "short" })?.newPassword).toEqual([
      "Use at least 12 characters.",
    ]);
    expect(
      errors({ currentPassword: "x", newPassword: "long-enough-pass", confirmPassword: "long-enough-pasS" })
        ?.confirmPassword?.[0],
    ).toContain("differ");
    expect(
      errors({
        currentPassword: "long-enough-pass",
        newPassword: "long-enough-pass",
        confirmPassword: "long-enough-pass",
      })?.newPassword?.[0],
    ).toContain("different");
    expect(
      changePasswordSchema.safeParse({
        currentPassword: "old",
        newPassword: "long-enough-pass",
        confirmPassword: "long-enough-pass",
      }).success,
    ).toBe(true);
  });
});
