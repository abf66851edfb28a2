import { z } from "zod";
import { recordId } from "./ids";

export const MANAGED_LISTS = ["capabilities", "factors", "regions", "aiTools"] as const;
export type ManagedList = (typeof MANAGED_LISTS)[number];

export const MANAGED_LIST_LABELS: Record<ManagedList, { title: string; item: string; hint: string }> = {
  capabilities: {
    title: "Customer-facing capabilities",
    item: "capability",
    hint: "What customers lose in an outage: checkout, sign-in, search …",
  },
  factors: { title: "Contributing factors", item: "factor", hint: "Picked in post-incident reviews." },
  regions: { title: "Regions", item: "region", hint: "Code and name, e.g. eu-west-1 · Europe (Ireland)." },
  aiTools: { title: "AI tools", item: "tool", hint: "Aliases (comma-separated) are how integrations name the tool." },
};

const list = z.enum(MANAGED_LISTS, { error: "Unknown list." });
const name = z.string().trim().min(2, "Use at least 2 characters.").max(100, "Keep it under 100 characters.");
const code = z.preprocess(
  (v) => (v === "" ? undefined : v),
  z
    .string()
    .trim()
    .regex(/^[a-z0-9][a-z0-9-]{1,40}$/, "Use lowercase letters, digits and dashes, e.g. eu-west-1.")
    .optional(),
);
const aliases = z.preprocess(
  (v) =>
    typeof v === "string"
      ? v
          .split(",")
          .map((a) => a.trim().toLowerCase())
          .filter(Boolean)
      : [],
  z.array(z.string().max(60, "Keep each alias under 60 characters.")).max(20, "At most 20 aliases."),
);

export const createListItemSchema = z.object({ list, name, code, aliases });
export type CreateListItemInput = z.infer<typeof createListItemSchema>;

export const updateListItemSchema = z.object({ list, id: recordId(), name, aliases });
export type UpdateListItemInput = z.infer<typeof updateListItemSchema>;

export const archiveListItemSchema = z.object({
  list,
  id: recordId(),
  archived: z.enum(["true", "false"]).transform((v) => v === "true"),
});
export type ArchiveListItemInput = z.infer<typeof archiveListItemSchema>;

export function slugify(value: string): string {
  return (
    value
      .toLowerCase()
      .normalize("NFKD")
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "")
      .slice(0, 80) || "item"
  );
}
