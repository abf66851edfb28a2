import { z } from "zod";
import { recordId } from "./ids";
import { LEVELS } from "@/lib/domain/change";
import { ROLES } from "@/lib/domain/roles";
import { newPasswordSchema } from "./account";

export { PASSWORD_MIN_LENGTH } from "./account";

const name = z
  .string()
  .trim()
  .min(2, "Enter the person's name (at least 2 characters).")
  .max(100, "Keep the name under 100 characters.");
const role = z.enum(ROLES, { error: "Pick a role: engineer, manager or admin." });
const level = z.enum(LEVELS, { error: "Pick a level: junior, mid or senior." });
/** "" (no team) or a team id. */
const teamId = z.preprocess((v) => (v === "" || v === undefined || v === null ? null : v), recordId().nullable());
const userId = recordId("Unknown user.");

export const createUserSchema = z.object({
  name,
  email: z
    .string()
    .trim()
    .toLowerCase()
    .email("Enter a valid email address.")
    .max(200, "Keep the email under 200 characters."),
  role,
  level,
  teamId,
  password: newPasswordSchema,
});
export type CreateUserInput = z.infer<typeof createUserSchema>;

export const updateUserSchema = z.object({ userId, name, role, level, teamId });
export type UpdateUserInput = z.infer<typeof updateUserSchema>;

export const setUserActiveSchema = z.object({
  userId,
  active: z.enum(["true", "false"]).transform((v) => v === "true"),
});
export type SetUserActiveInput = z.infer<typeof setUserActiveSchema>;
