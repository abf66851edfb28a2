// Text for Slack's Block Kit (docs/slack.md). Pure, no I/O.
//
// Slack parses `&`, `<` and `>` as control characters in mrkdwn and in a message's
// fallback `text`: `<!channel>` pings everyone, `<https://x|label>` is a link. Escaping the
// three characters as &amp; &lt; &gt; (Slack's own rule) turns any of that in a title into
// inert text. Limits: a section's text ≤ 3000 characters, a field ≤ 2000, a header ≤ 150,
// a button's text ≤ 75, a message ≤ 50 blocks.

export const SLACK_LIMITS = {
  sectionText: 3000,
  field: 2000,
  fields: 10,
  header: 150,
  buttonText: 75,
  contextElements: 10,
  blocks: 50,
  url: 3000,
  fallbackText: 4000,
} as const;

/** Slack's escaping for mrkdwn and fallback text. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** Control characters (NUL, CR, LF …) out of a one-line value; tabs and newlines become spaces. */
export function oneLine(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, " ").trim();
}

/** At most `limit` characters, cut with an ellipsis (never inside a surrogate pair). */
export function clip(text: string, limit: number): string {
  const chars = Array.from(text);
  if (chars.length <= limit && text.length <= limit) return text;
  let out = "";
  for (const ch of chars) {
    if (out.length + ch.length + 1 > limit) break;
    out += ch;
  }
  return `${out}…`;
}

/** Escaped mrkdwn of at most `limit` characters: clipped before escaping grows it, never mid-entity. */
export function mrkdwn(text: string, limit: number): string {
  const escaped = escapeMrkdwn(text);
  if (escaped.length <= limit) return escaped;
  const chars = Array.from(text);
  let lo = 0;
  let hi = chars.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (escapeMrkdwn(chars.slice(0, mid).join("")).length + 1 <= limit) lo = mid;
    else hi = mid - 1;
  }
  return `${escapeMrkdwn(chars.slice(0, lo).join(""))}…`;
}

/** A mrkdwn link `<url|label>`; the URL is ours (NEXTAUTH_URL + path), its `|` and `>` are percent-encoded. */
export function link(url: string, label: string, limit = 500): string {
  const safeUrl = url.replace(/\|/g, "%7C").replace(/>/g, "%3E").replace(/</g, "%3C").replace(/\s/g, "%20");
  return `<${safeUrl}|${mrkdwn(oneLine(label), limit)}>`;
}
