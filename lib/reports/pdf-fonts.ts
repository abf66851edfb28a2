// Fonts for the weekly report PDF. The standard PDF fonts (Helvetica) cover only Latin-1,
// so text in other scripts falls back, glyph by glyph, to Noto fonts shipped as TTF by
// npm packages (decision 020): Noto Sans SC (Chinese, Japanese kana, Korean Hangul and
// most symbols), Noto Sans Arabic, Noto Emoji. @react-pdf/renderer embeds only the
// glyphs used (a subset), and a font is loaded only when the document needs it: the
// 10 MB CJK font is not read for a report in English.
import path from "node:path";
import { Font } from "@react-pdf/renderer";

const fontsDir = path.join(process.cwd(), "node_modules", "@expo-google-fonts");
const FALLBACKS = [
  {
    family: "NotoSansArabic",
    file: "noto-sans-arabic/400Regular/NotoSansArabic_400Regular.ttf",
    needed: /[\p{Script=Arabic}]/u,
  },
  { family: "NotoEmoji", file: "noto-emoji/400Regular/NotoEmoji_400Regular.ttf", needed: /\p{Extended_Pictographic}/u },
  {
    family: "NotoSansSC",
    file: "noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf",
    // Anything Helvetica (WinAnsi) lacks, except what the fonts above cover.
    needed:
      /[^\u0000-\u00ff\u2013\u2014\u2018\u2019\u201a\u201c\u201d\u201e\u2020\u2021\u2022\u2026\u2030\u2039\u203a\u20ac\u2122\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\p{Script=Arabic}\p{Extended_Pictographic}\u200d\ufe0f]/u,
  },
] as const;

let registered = false;
function registerFallbacks() {
  if (registered) return;
  for (const { family, file } of FALLBACKS) Font.register({ family, src: path.join(fontsDir, file) });
  registered = true;
}

/** The fallback font families that `text` needs, in the order to try them. */
export function fallbackFontsFor(text: string): string[] {
  registerFallbacks();
  return FALLBACKS.filter((f) => f.needed.test(text)).map((f) => f.family);
}
