import "server-only";

export type SmtpSettings = { url: string; from: string };

/**
 * `FAULTLINE_SMTP_URL` (smtp:// or smtps://, credentials in the URL as nodemailer reads them)
 * and `FAULTLINE_SMTP_FROM`. Without a URL no email is queued at all (docs/email.md).
 */
export function smtpSettings(): SmtpSettings | null {
  const url = process.env.FAULTLINE_SMTP_URL?.trim();
  if (!url) return null;
  const from = process.env.FAULTLINE_SMTP_FROM?.trim() || "Faultline <faultline@localhost>";
  return { url, from };
}
