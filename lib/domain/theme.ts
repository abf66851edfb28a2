/** The colour scheme a person chose; "system" follows prefers-color-scheme. */
export const THEMES = ["system", "light", "dark"] as const;
export type Theme = (typeof THEMES)[number];
export const THEME_COOKIE = "faultline-theme";

export function parseTheme(value: string | undefined): Theme {
  return (THEMES as readonly string[]).includes(value ?? "") ? (value as Theme) : "system";
}

/** The class on <html>: none for "system", so the CSS media query decides before paint. */
export function themeClass(theme: Theme): string {
  return theme === "system" ? "" : theme;
}
