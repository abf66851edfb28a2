import { z } from "zod";

/** Sign-in only checks that a password is given; every new password must be this long. */
export const PASSWORD_MIN_LENGTH = 12;

/** The one rule for new passwords: the account page and the initial password an admin sets. */
export const newPasswordSchema = z
  .string()
  .min(PASSWORD_MIN_LENGTH, `Use at least ${PASSWORD_MIN_LENGTH} characters.`)
  .max(200, "Keep the password under 200 characters.");

export const changePasswordSchema = z
  .object({
    // Empty for people who only ever signed in through single sign-on and set a first password.
    currentPassword: z.string().max(200).default(""),
    newPassword: newPasswordSchema,
    confirmPassword: z.string(),
  })
  .refine((v) => v.newPassword === v.confirmPassword, {
    path: ["confirmPassword"],
    message: "The two new passwords differ. Type the same one twice.",
  })
  .refine((v) => v.newPassword !== v.currentPassword, {
    path: ["newPassword"],
    message: "Choose a password different from the current one.",
  });
export type ChangePasswordInput = z.infer<typeof changePasswordSchema>;

export const revokeSessionSchema = z.object({
  sessionId: z.string().trim().min(1, "Choose a session.").max(100),
});
export type RevokeSessionInput = z.infer<typeof revokeSessionSchema>;
