import { z } from "zod";
import { LEVELS } from "@/lib/domain/change";
import { ROLES } from "@/lib/domain/roles";
import { isValidTimeZone } from "@/lib/domain/time-zone";

/** A checkbox sends "on" when ticked and nothing when not. */
const checkbox = z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean());

export const updateOrgSettingsSchema = z.object({
  name: z
    .string()
    .trim()
    .min(2, "Give the organisation a name of at least 2 characters.")
    .max(80, "Keep the name under 80 characters."),
  timeZone: z.string().trim().refine(isValidTimeZone, "Choose a time zone from the list (for example Europe/Berlin)."),
  passwordSignInEnabled: checkbox,
  ssoDefaultRole: z.enum(ROLES, { error: "Choose a role for people who arrive through single sign-on." }),
  ssoDefaultLevel: z.enum(LEVELS, { error: "Choose a level for people who arrive through single sign-on." }),
});
export type UpdateOrgSettingsInput = z.infer<typeof updateOrgSettingsSchema>;
