// What an email delivery row holds (OutboundDelivery.payload for rows with `emailTo`).
// Attachments are references resolved when the mail is sent, so a PDF is not copied into
// every recipient's row.

export type EmailAttachmentRef = { kind: "weekly-report-pdf"; publicationId: number; filename: string };

export type EmailMessage = {
  subject: string;
  text: string;
  html: string;
  /** Sent as a text/markdown alternative besides text/plain and text/html. */
  markdown?: string;
  attachments?: EmailAttachmentRef[];
};

/** Escaping for text placed in HTML element content or a double-quoted attribute. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

/**
 * A header value on one line: CR, LF, NUL and every other control character become spaces,
 * so a title can never start a new header (header injection), then clipped to `limit`.
 */
export function headerText(text: string, limit = 180): string {
  const flat = text.replace(/[\u0000-\u001f\u007f\u0085\u2028\u2029]+/g, " ").trim();
  const chars = Array.from(flat);
  return chars.length <= limit ? flat : `${chars.slice(0, limit - 1).join("")}…`;
}
