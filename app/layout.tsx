import type { Metadata } from "next";
import { GeistMono } from "geist/font/mono";
import { GeistSans } from "geist/font/sans";
import { cookies } from "next/headers";
import { connection } from "next/server";
import { parseTheme, THEME_COOKIE, themeClass } from "@/lib/domain/theme";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Faultline", template: "%s · Faultline" },
  description: "Incidents, the changes behind them, and whether AI-assisted changes are riskier.",
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Rendered per request, never prerendered: Next.js can only put the CSP nonce of this
  // request (proxy.ts) on its scripts when the page is rendered for it.
  await connection();
  // The colour scheme chosen in the account menu (components/layout/theme-toggle.tsx); with
  // none, the CSS follows prefers-color-scheme. Read here so it applies before the first paint.
  const theme = parseTheme((await cookies()).get(THEME_COOKIE)?.value);
  return (
    <html lang="en" className={`${GeistSans.variable} ${GeistMono.variable} ${themeClass(theme)}`.trim()}>
      <body className="min-h-screen font-sans">{children}</body>
    </html>
  );
}
