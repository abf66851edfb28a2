// The one way Faultline writes user text into Markdown (the weekly report file people
// paste into wikis and emails). Text never becomes markup: HTML is written as entities,
// Markdown punctuation is backslash-escaped (so a title cannot open a link, an image,
// emphasis, a heading or a table cell), line breaks become spaces. Links are only made
// to http(s) URLs; anything else is written as plain text.

/**
 * Characters CommonMark/GFM give a meaning inline: link and image brackets, emphasis, code,
 * strikethrough, table cells. (Parentheses mean nothing without a "]" before them.)
 */
const INLINE_PUNCTUATION = /[\\`*_[\]|~]/g;
/** What starts a block when it begins a line: a heading, list markers, a thematic break, an ordered list. */
const BLOCK_START = /^(\s*)([-+=#]|\d+[.)])/;
/**
 * What GFM turns into a link by itself: "http://", "https://", "www." and e-mail addresses
 * ("mailto:", "xmpp:" too). Escaping the ":", "." or "@" that makes them keeps them text.
 */
const AUTOLINK = /\b(?:https?|ftp|mailto|xmpp):|\bwww\.|(?<=[\w.+-])@(?=[\w-])/gi;
const HTML = { "&": "&amp;", "<": "&lt;", ">": "&gt;" } as const;

/** User text, safe anywhere in a Markdown line (including a table cell). */
export function mdText(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return "";
  return String(value)
    .replace(/[\r\n\u2028\u2029]+/g, " ")
    .replace(/[&<>]/g, (c) => HTML[c as keyof typeof HTML])
    .replace(INLINE_PUNCTUATION, (c) => `\\${c}`)
    .replace(AUTOLINK, (match: string) => `${match.slice(0, -1)}\\${match.at(-1)}`)
    .replace(BLOCK_START, (_, space: string, marker: string) => `${space}${marker.slice(0, -1)}\\${marker.at(-1)}`);
}

/** True for an absolute http: or https: URL. */
export function isWebUrl(url: string): boolean {
  try {
    const { protocol } = new URL(url);
    return protocol === "http:" || protocol === "https:";
  } catch {
    return false;
  }
}

/** `[text](url)` when url is http(s); otherwise just the (escaped) text. */
export function mdLink(text: string, url: string): string {
  if (!isWebUrl(url)) return mdText(text);
  const target = new URL(url).href.replace(/[()<> ]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `[${mdText(text)}](${target})`;
}
