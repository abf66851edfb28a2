import fc from "fast-check";
import { marked } from "marked";
import { describe, expect, it } from "vitest";
import { isWebUrl, mdLink, mdText } from "./markdown";

// Rendered as a wiki would (GFM), hostile text must come out as the same text, never as markup.
const html = (md: string) => marked.parse(md, { async: false, gfm: true });
const visible = (markup: string) =>
  markup
    .replace(/<[^>]+>/g, "")
    .replaceAll("&lt;", "<")
    .replaceAll("&gt;", ">")
    .replaceAll("&quot;", '"')
    .replaceAll("&#39;", "'")
    .replaceAll("&amp;", "&")
    .trim();

const HOSTILE = [
  "<script>alert(1)</script>",
  '<img src=x onerror="alert(1)">',
  "[click me](javascript:alert(document.cookie))",
  "![pixel](https://evil.example/track.png)",
  "<javascript:alert(1)>",
  "&lt;b&gt;entity&lt;/b&gt; &#106;avascript:",
  "**bold** _em_ ~~gone~~ `code`",
  "# Heading",
  "- list item",
  "1. ordered",
  "col | split | cells",
  "line one\nline two\r\n=== ",
  "back\\slash [a]: https://evil.example",
];

describe("Markdown escaping", () => {
  it.each(HOSTILE)("keeps %j as plain text in a paragraph, a table cell and a list item", (text) => {
    for (const markdown of [
      `Title: ${mdText(text)}`,
      `| a | b |\n|---|---|\n| ${mdText(text)} | x |`,
      `- ${mdText(text)}`,
    ]) {
      const out = html(markdown);
      expect(out).not.toMatch(/<(script|img|strong|em|del|code|h\d|ol|blockquote)\b/);
      expect(out).not.toContain("<a"); // not even GFM's autolinks: user text never links
      if (markdown.startsWith("- ")) expect(out.match(/<li>/g)).toHaveLength(1);
      if (markdown.startsWith("|")) expect(out.match(/<td>/g)).toHaveLength(2);
    }
    expect(visible(html(mdText(text)))).toBe(text.replace(/[\r\n]+/g, " ").trim());
  });

  it("links only to http(s) URLs and keeps the text escaped", () => {
    expect(mdLink("INC-1 [x](y)", "https://faultline.example/incidents/1")).toBe(
      "[INC-1 \\[x\\](y)](https://faultline.example/incidents/1)",
    );
    for (const url of [
      "javascript:alert(1)",
      "JAVASCRIPT:alert(1)",
      "data:text/html,<b>",
      "vbscript:x",
      "/relative",
      "",
    ]) {
      expect(isWebUrl(url)).toBe(false);
      expect(html(mdLink("x", url))).not.toContain("<a");
    }
    expect(html(mdLink("x", "https://a.example/p(1) q"))).toContain('href="https://a.example/p%281%29%20q"');
  });
});

describe("Markdown escaping, property-based", () => {
  it("renders any text as exactly that text, without markup, wherever it is placed", () => {
    const pieces = fc.constantFrom(
      ..."<>&[]()!*_`~|#-+=.\\:/\"' \t\nxX1é支".split(""),
      "javascript:",
      "https://",
      "&#106;",
    );
    const text = fc.array(pieces, { maxLength: 40 }).map((parts) => parts.join(""));
    fc.assert(
      fc.property(text, (input) => {
        const out = html(`Title: ${mdText(input)}`);
        expect(out).not.toMatch(/<(?!\/?p>)[a-z]/i); // not even a link: user text never links
        const expected = `Title: ${input.replace(/[\r\n]+/g, " ")}`.replace(/\s+/g, " ").trim();
        expect(visible(out).replace(/\s+/g, " ")).toBe(expected);
      }),
      { seed: 20261129, numRuns: 400 },
    );
  });
});
