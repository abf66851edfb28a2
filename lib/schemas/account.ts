import { z } from "zod";

/** The one rule for new passwords (account page; the same bounds the demo password meets). */
export const newPasswordSchema = z
  .string()
  .min(12, "Use at least 12 characters.")
  .max(200, "Keep the password under 200 characters.");

export const changePasswordSchema = z
  .object({
    // Empty for people who only ever signed in through single sign-on and set a first password.
    currentPassword: z.string().max(200).default(""),
    newPassword: newPasswordSchema,
    confirmPassword: z.string(),
  })
  .refine((v) => v.newPassword === v.confirmPassword, { path: ["confirmPassword"], message: "The two new passwords differ. Type the same one twice." })
  .refine((v) => v.newPassword !== v.currentPassword, { path: ["newPassword"], message: "Choose a password different from the current one." });
export type ChangePasswordInput = z.infer<typeof changePasswordSchema>;

export const revokeSessionSchema = z.object({
  sessionId: z.string().trim().min(1, "Choose a session.").max(100),
});
export type RevokeSessionInput = z.infer<typeof revokeSessionSchema>;
