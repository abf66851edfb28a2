import { z } from "zod";
import { pastInstant } from "./dates";
import { recordId } from "./ids";
import { AI_INVOLVEMENTS, CHANGE_KINDS } from "@/lib/domain/change";

const emptyToNull = (value: unknown) => (value === "" || value === undefined ? null : value);
const optionalString = (max: number, message: string) =>
  z.preprocess(emptyToNull, z.string().trim().max(max, message).nullable());

/** What a person states about a change, when registering it and when correcting it later. */
const changeFields = {
  kind: z.enum(CHANGE_KINDS, { error: "Choose what kind of change this is." }),
  title: z
    .string()
    .trim()
    .min(3, "Give the change a title of at least 3 characters.")
    .max(300, "Keep the title under 300 characters."),
  serviceId: recordId("Choose the service it changed."),
  repository: optionalString(200, "Keep the repository under 200 characters."),
  externalUrl: z.preprocess(
    emptyToNull,
    z
      .url({ protocol: /^https?$/, error: "Enter a full http(s) link, or leave it empty." })
      .max(2000)
      .nullable(),
  ),
  aiAssisted: z.preprocess((v) => v === true || v === "on" || v === "true" || v === "1", z.boolean()),
  aiToolId: z.preprocess(emptyToNull, recordId().nullable()),
  aiInvolvement: z.preprocess(
    emptyToNull,
    z.enum(AI_INVOLVEMENTS, { error: "Choose how much the AI did." }).nullable(),
  ),
};

type AiDetails = {
  aiAssisted: boolean;
  aiToolId: number | null;
  aiInvolvement: (typeof AI_INVOLVEMENTS)[number] | null;
};

/** An AI-assisted change names its tool and involvement; a human one carries neither. */
function withAiDetailsRule<T extends z.ZodType<AiDetails>>(schema: T) {
  return schema
    .superRefine(
      (value, ctx) => {
        if (value.aiAssisted !== true) return;
        if (value.aiToolId === null)
          ctx.addIssue({ code: "custom", path: ["aiToolId"], message: "Name the AI tool that assisted." });
        if (value.aiInvolvement === null)
          ctx.addIssue({ code: "custom", path: ["aiInvolvement"], message: "Choose how much the AI did." });
      },
      // Also when other fields failed, so the form shows every problem at once.
      { when: () => true },
    )
    .transform((value) => (value.aiAssisted ? value : { ...value, aiToolId: null, aiInvolvement: null }));
}

export const registerChangeSchema = withAiDetailsRule(
  z.object({
    ...changeFields,
    externalId: optionalString(200, "Keep the external id under 200 characters."),
    /** Absent: the person registering it is the author (only managers and admins may name someone else). */
    authorId: z.preprocess(emptyToNull, recordId("Choose the author.").nullable()),
    shippedAt: z.preprocess(
      emptyToNull,
      pastInstant({
        message: "Enter when it shipped, or leave it empty if it has not.",
        future: "A change cannot ship in the future; leave it empty until it ships.",
      }).nullable(),
    ),
  }),
);
export type RegisterChangeInput = z.infer<typeof registerChangeSchema>;

export const setRolledBackSchema = z.object({
  changeId: recordId(),
  rolledBackAt: z.preprocess(
    emptyToNull,
    pastInstant({
      message: "Enter when it was rolled back.",
      future: "A rollback cannot be in the future.",
    }).nullable(),
  ),
});
export type SetRolledBackInput = z.infer<typeof setRolledBackSchema>;

const changeVersion = recordId("Reload the page: the form is missing the change's version.");

/** Editing a registered change: what a person may correct after registering it (issue 16). */
export const updateChangeSchema = withAiDetailsRule(
  z.object({ changeId: recordId(), version: changeVersion, ...changeFields }),
);
export type UpdateChangeInput = z.infer<typeof updateChangeSchema>;

/** Marking a registered change shipped, once, at a time that is not in the future. */
export const markChangeShippedSchema = z.object({
  changeId: recordId(),
  version: changeVersion,
  shippedAt: pastInstant({
    message: "Enter when it shipped.",
    future: "A change cannot ship in the future; mark it when it has shipped.",
  }),
});
export type MarkChangeShippedInput = z.infer<typeof markChangeShippedSchema>;
