import { z } from "zod";
import { recordId } from "./ids";
import { OUTBOUND_EVENTS } from "@/lib/domain/outbound-events";

const id = recordId();

/** One message for what is wrong with a receiver URL, or null. */
function urlProblem(value: string): string | null {
  if (value === "") return "Enter the URL Faultline should POST to.";
  if (value.length > 2000) return "Keep the URL under 2,000 characters.";
  let parsed: URL;
  try {
    parsed = new URL(value);
  } catch {
    return "Enter a full http:// or https:// URL, e.g. https://hooks.example.com/faultline.";
  }
  if ((parsed.protocol !== "https:" && parsed.protocol !== "http:") || parsed.hostname === "")
    return "Enter a full http:// or https:// URL, e.g. https://hooks.example.com/faultline.";
  if (parsed.username || parsed.password)
    return "Leave user names and passwords out of the URL; receivers check the signature instead.";
  return null;
}
const name = z
  .string()
  .trim()
  .min(3, "Name the webhook after its receiver, e.g. “Slack #incidents bridge”.")
  .max(100, "Keep the name under 100 characters.");
const url = z
  .string()
  .trim()
  .superRefine((value, ctx) => {
    const problem = urlProblem(value);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  });
const events = z.array(z.enum(OUTBOUND_EVENTS, { error: "Unknown event." })).min(1, "Pick at least one event.");
const checkbox = z.preprocess((v) => v === true || v === "on" || v === "true" || v === "1", z.boolean());

/** A Slack incoming webhook: the URL is the credential (https://hooks.slack.com/services/…). */
export const createSlackDestinationSchema = z.object({
  name: z
    .string()
    .trim()
    .min(3, "Name the destination after its channel, e.g. “#incidents”.")
    .max(100, "Keep the name under 100 characters."),
  url: z
    .string()
    .trim()
    .superRefine((value, ctx) => {
      if (value === "")
        return void ctx.addIssue({ code: "custom", message: "Paste the incoming-webhook URL from Slack." });
      const problem = urlProblem(value);
      if (problem)
        ctx.addIssue({
          code: "custom",
          message: problem.startsWith("Enter a full")
            ? "Paste the whole URL Slack shows, e.g. https://hooks.slack.com/services/T000/B000/XXXX."
            : problem,
        });
    }),
  events,
});
export type CreateSlackDestinationInput = z.infer<typeof createSlackDestinationSchema>;

export const createOutboundWebhookSchema = z.object({ name, url, events });
export type CreateOutboundWebhookInput = z.infer<typeof createOutboundWebhookSchema>;

export const updateOutboundWebhookSchema = z.object({ webhookId: id, name, url, events, active: checkbox });
export type UpdateOutboundWebhookInput = z.infer<typeof updateOutboundWebhookSchema>;

/** Rotate the secret, send a test event or delete: only the webhook is named. */
export const outboundWebhookIdSchema = z.object({ webhookId: id });
export type OutboundWebhookIdInput = z.infer<typeof outboundWebhookIdSchema>;

export const redeliverSchema = z.object({ deliveryId: id });
export type RedeliverInput = z.infer<typeof redeliverSchema>;
