import "server-only";
import nodemailer, { type Transporter } from "nodemailer";
import { headerText, type EmailMessage } from "@/lib/notifications/email-message";
import { appUrl } from "@/lib/server/services/webhooks/app-url";
import { weeklyReportPdfForEmail } from "./report-pdf";
import { smtpSettings } from "./smtp-settings";

export type EmailResult = { status: number; retryAfter: null } | { error: string };

const transports = new Map<string, Transporter>();

function transportFor(url: string, timeoutMs: number): Transporter {
  const key = `${url} ${timeoutMs}`;
  let transport = transports.get(key);
  if (!transport) {
    transport = nodemailer.createTransport(url, {
      connectionTimeout: timeoutMs,
      greetingTimeout: timeoutMs,
      socketTimeout: timeoutMs,
    } as object);
    transports.set(key, transport);
  }
  return transport;
}

/** One plain address, nothing that could end a header or add a recipient. */
const SAFE_ADDRESS = /^[^\s@<>(),;:"\\[\]]+@[^\s@<>(),;:"\\[\]]+$/;

/**
 * Sends one queued email. The result is the SMTP reply code (250 when accepted) or the
 * connection error, which the worker turns into delivered / retry / give-up.
 */
export async function sendEmailDelivery(
  delivery: { emailTo: string; event: string; eventId: string; payload: unknown },
  timeoutMs: number,
): Promise<EmailResult> {
  const settings = smtpSettings();
  if (!settings) return { error: "FAULTLINE_SMTP_URL is not set: set it and redeliver." };
  if (!SAFE_ADDRESS.test(delivery.emailTo)) return { status: 553, retryAfter: null };
  const message = delivery.payload as EmailMessage;
  const attachments = [];
  for (const ref of message.attachments ?? []) {
    const pdf = await weeklyReportPdfForEmail(ref.publicationId);
    if (!pdf) return { status: 554, retryAfter: null };
    attachments.push({ filename: headerText(ref.filename, 100), content: pdf, contentType: "application/pdf" });
  }
  try {
    const info = await transportFor(settings.url, timeoutMs).sendMail({
      from: settings.from,
      to: delivery.emailTo,
      subject: headerText(message.subject),
      text: message.text,
      html: message.html,
      ...(message.markdown
        ? { alternatives: [{ contentType: "text/markdown; charset=utf-8", content: message.markdown }] }
        : {}),
      attachments,
      list: { unsubscribe: { url: appUrl("/account#notifications"), comment: "Notification preferences" } },
      headers: {
        "X-Faultline-Event": headerText(delivery.event, 60),
        "X-Faultline-Delivery": headerText(delivery.eventId, 200),
        "Auto-Submitted": "auto-generated",
      },
      disableFileAccess: true,
      disableUrlAccess: true,
    });
    const code = Number(/^(\d{3})/.exec(info.response ?? "")?.[1] ?? 250);
    return { status: code, retryAfter: null };
  } catch (error) {
    const responseCode = (error as { responseCode?: unknown }).responseCode;
    if (typeof responseCode === "number") return { status: responseCode, retryAfter: null };
    const code = (error as { code?: unknown }).code;
    const text = error instanceof Error ? error.message : String(error);
    return { error: (typeof code === "string" && !text.includes(code) ? `${code}: ${text}` : text).slice(0, 500) };
  }
}
