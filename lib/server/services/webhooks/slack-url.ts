import "server-only";
import { sealSecret } from "@/lib/server/crypto/secret-box";

/**
 * What the admin pages show instead of a Slack URL (the URL is the credential): its origin,
 * first path segment and last four characters, e.g. `https://hooks.slack.com/services/…WXYZ`.
 */
export function maskSlackUrl(url: string): string {
  const parsed = new URL(url);
  const first = parsed.pathname.split("/").filter(Boolean)[0];
  return `${parsed.origin}/${first ? `${first}/` : ""}…${url.slice(-4)}`;
}

/** The columns a Slack destination keeps: the sealed URL in `secret`, the masked one in `url`. */
export function slackUrlColumns(url: string): { url: string; secret: string } {
  return { url: maskSlackUrl(url), secret: sealSecret(url) };
}
