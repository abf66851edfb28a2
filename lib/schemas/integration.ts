import { z } from "zod";
import { recordId } from "./ids";
import { AI_RULE_KINDS } from "@/lib/domain/ai-detection";
import { AI_INVOLVEMENTS } from "@/lib/domain/change";
import { SEVERITIES, type Severity } from "@/lib/domain/severity";
import { DEFAULT_SEVERITY_MAPPING } from "@/lib/domain/alert-groups";

export const INTEGRATION_KINDS = ["GITHUB", "ALERTMANAGER"] as const;
export type IntegrationKind = (typeof INTEGRATION_KINDS)[number];
export const INTEGRATION_KIND_LABELS: Record<IntegrationKind, string> = {
  GITHUB: "GitHub",
  ALERTMANAGER: "Prometheus Alertmanager",
};

const slug = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9-]*$/, "Use a service slug (lowercase letters, digits and dashes).");

/** Integration.config of a GitHub integration: repository full name → service slug. */
export const DEFAULT_GITHUB_API_URL = "https://api.github.com";
export const githubConfigSchema = z.object({
  repositories: z.record(z.string(), slug).default({}),
  defaultService: slug.nullable().default(null),
  /** Where commit statuses are posted: GitHub, a GitHub Enterprise server (…/api/v3), or a test server. */
  apiBaseUrl: z
    .url({ protocol: /^https?$/, error: "Enter the API's full http(s) address, e.g. https://api.github.com." })
    .default(DEFAULT_GITHUB_API_URL),
});
export type GithubConfig = z.infer<typeof githubConfigSchema>;

/** Integration.config of an Alertmanager integration: label values → severity and service. */
export const alertmanagerConfigSchema = z.object({
  severityLabel: z.string().trim().min(1).default(DEFAULT_SEVERITY_MAPPING.severityLabel),
  severities: z.record(z.string(), z.enum(SEVERITIES)).default(DEFAULT_SEVERITY_MAPPING.severities),
  defaultSeverity: z.enum(SEVERITIES).default(DEFAULT_SEVERITY_MAPPING.defaultSeverity),
  serviceLabel: z.string().trim().min(1).nullable().default("service"),
  services: z.record(z.string(), slug).default({}),
  defaultService: slug.nullable().default(null),
});
export type AlertmanagerConfig = z.infer<typeof alertmanagerConfigSchema>;

type Line = { key: string; value: string; line: number };

/** `key = value` lines; blank lines and `#` comments are skipped. */
export function parseMappingLines(text: string): { entries: Line[]; errors: string[] } {
  const entries: Line[] = [];
  const errors: string[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.replace(/#.*$/, "").trim();
    if (!line) return;
    const at = line.indexOf("=");
    const key = at > 0 ? line.slice(0, at).trim() : "";
    const value = at > 0 ? line.slice(at + 1).trim() : "";
    if (!key || !value) errors.push(`Line ${index + 1} ("${raw.trim()}") is not "name = value".`);
    else entries.push({ key, value, line: index + 1 });
  });
  return { entries, errors };
}

function mappingField<T>(
  describe: string,
  check: (value: string) => T | null,
  valueHint: string,
  keyCheck?: (key: string) => boolean,
) {
  return z
    .string()
    .max(20_000, "Keep the mapping under 20,000 characters.")
    .transform((text, context) => {
      const { entries, errors } = parseMappingLines(text);
      const result: Record<string, T> = {};
      for (const entry of entries) {
        const value = check(entry.value);
        if (keyCheck && !keyCheck(entry.key)) errors.push(`Line ${entry.line}: "${entry.key}" is not ${describe}.`);
        else if (value === null) errors.push(`Line ${entry.line}: "${entry.value}" is not ${valueHint}.`);
        else if (entry.key.toLowerCase() in result) errors.push(`Line ${entry.line}: "${entry.key}" is mapped twice.`);
        else result[entry.key.toLowerCase()] = value;
      }
      for (const message of errors.slice(0, 5)) context.addIssue({ code: "custom", message });
      return result;
    });
}

const asSlug = (value: string) => (slug.safeParse(value).success ? value.toLowerCase() : null);
const asSeverity = (value: string): Severity | null => {
  const upper = value.toUpperCase().replace(/^SEV\s*/, "SEV");
  return (SEVERITIES as readonly string[]).includes(upper) ? (upper as Severity) : null;
};
const optionalSlug = z
  .string()
  .trim()
  .transform((value, context) => {
    if (!value) return null;
    if (!asSlug(value))
      context.addIssue({ code: "custom", message: "Use a service slug (lowercase letters, digits and dashes)." });
    return value.toLowerCase();
  });

export const updateGithubConfigSchema = z.object({
  integrationId: recordId(),
  repositories: mappingField("a repository (owner/name)", asSlug, "a service slug", (key) =>
    /^[\w.-]+\/[\w.-]+$/.test(key),
  ),
  defaultService: optionalSlug,
  apiBaseUrl: z.preprocess(
    (value) => (typeof value === "string" && value.trim() ? value.trim().replace(/\/+$/, "") : DEFAULT_GITHUB_API_URL),
    z.url({ protocol: /^https?$/, error: "Enter the API's full http(s) address, e.g. https://api.github.com." }),
  ),
  /** A new token for commit statuses; empty keeps the stored one. It is stored encrypted and never shown again. */
  statusToken: z.preprocess(
    (value) => (typeof value === "string" && value.trim() ? value.trim() : undefined),
    z.string().max(500, "That is too long for a GitHub token.").optional(),
  ),
  clearStatusToken: z.preprocess((value) => value === "on" || value === true, z.boolean()),
});
export type UpdateGithubConfigInput = z.infer<typeof updateGithubConfigSchema>;

export const updateAlertmanagerConfigSchema = z.object({
  integrationId: recordId(),
  severityLabel: z.string().trim().min(1, "Name the label that carries the severity (usually severity).").max(100),
  severities: mappingField("a label value", asSeverity, "a severity (SEV1 to SEV4)"),
  defaultSeverity: z.enum(SEVERITIES, { error: "Choose a default severity." }),
  serviceLabel: z
    .string()
    .trim()
    .max(100)
    .transform((value) => value || null),
  services: mappingField("a label value", asSlug, "a service slug"),
  defaultService: optionalSlug,
});
export type UpdateAlertmanagerConfigInput = z.infer<typeof updateAlertmanagerConfigSchema>;

export const createIntegrationSchema = z.object({
  kind: z.enum(INTEGRATION_KINDS, { error: "Choose GitHub or Alertmanager." }),
  name: z
    .string()
    .trim()
    .min(2, "Give the integration a name of at least 2 characters.")
    .max(80, "Keep the name under 80 characters."),
});
export type CreateIntegrationInput = z.infer<typeof createIntegrationSchema>;

export const integrationIdSchema = z.object({ integrationId: recordId() });
export const setIntegrationActiveSchema = integrationIdSchema.extend({
  active: z.enum(["true", "false"]).transform((value) => value === "true"),
});

export const setGithubLoginSchema = z.object({
  userId: recordId("Choose a user."),
  githubLogin: z
    .string()
    .trim()
    .max(39, "GitHub logins have at most 39 characters.")
    .regex(
      /^$|^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(\[bot\])?$/,
      "A GitHub login has letters, digits and single dashes.",
    )
    .transform((value) => value || null),
});
export type SetGithubLoginInput = z.infer<typeof setGithubLoginSchema>;

const optionalId = z.union([z.literal(""), recordId()]).transform((value) => (value === "" ? null : value));

export const saveAiRuleSchema = z.object({
  ruleId: optionalId.optional().transform((value) => value ?? null),
  kind: z.enum(AI_RULE_KINDS, { error: "Choose what the rule looks at." }),
  pattern: z
    .string()
    .trim()
    .min(1, "Enter the label, trailer text or checkbox text to look for.")
    .max(200, "Keep the pattern under 200 characters."),
  aiToolId: optionalId,
  involvement: z.enum(AI_INVOLVEMENTS, { error: "Choose how much the tool did." }),
});
export type SaveAiRuleInput = z.infer<typeof saveAiRuleSchema>;

export const moveAiRuleSchema = z.object({
  ruleId: recordId(),
  direction: z.enum(["up", "down"]),
});
export const setAiRuleActiveSchema = z.object({
  ruleId: recordId(),
  active: z.enum(["true", "false"]).transform((value) => value === "true"),
});

/** The config as the admin form shows it: one `key = value` line per entry. */
export const toMappingLines = (record: Record<string, string>) =>
  Object.entries(record)
    .map(([key, value]) => `${key} = ${value}`)
    .join("\n");
