import { z } from "zod";
import { OUTBOUND_EVENTS } from "@/lib/domain/outbound-events";

const id = z.coerce.number().int().positive();
const name = z.string().trim().min(3, "Name the webhook after its receiver, e.g. “Slack #incidents bridge”.").max(100, "Keep the name under 100 characters.");
const url = z
  .string()
  .trim()
  .min(1, "Enter the URL Faultline should POST to.")
  .max(2000, "Keep the URL under 2,000 characters.")
  .refine((value) => {
    try {
      const parsed = new URL(value);
      return (parsed.protocol === "https:" || parsed.protocol === "http:") && parsed.hostname !== "";
    } catch {
      return false;
    }
  }, "Enter a full http:// or https:// URL, e.g. https://hooks.example.com/faultline.")
  .refine((value) => !/^[a-z]+:\/\/[^/]*@/i.test(value), "Leave user names and passwords out of the URL; check the signature instead.");
const events = z.array(z.enum(OUTBOUND_EVENTS, { error: "Unknown event." })).min(1, "Pick at least one event.");
const checkbox = z.preprocess((v) => v === true || v === "on" || v === "true" || v === "1", z.boolean());

export const createOutboundWebhookSchema = z.object({ name, url, events });
export type CreateOutboundWebhookInput = z.infer<typeof createOutboundWebhookSchema>;

export const updateOutboundWebhookSchema = z.object({ webhookId: id, name, url, events, active: checkbox });
export type UpdateOutboundWebhookInput = z.infer<typeof updateOutboundWebhookSchema>;

/** Rotate the secret, send a test event or delete: only the webhook is named. */
export const outboundWebhookIdSchema = z.object({ webhookId: id });
export type OutboundWebhookIdInput = z.infer<typeof outboundWebhookIdSchema>;

export const redeliverSchema = z.object({ deliveryId: id });
export type RedeliverInput = z.infer<typeof redeliverSchema>;
