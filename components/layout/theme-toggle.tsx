"use client";

import { useState } from "react";
import { cn } from "@/components/ui/cn";
import { THEME_COOKIE, THEMES, type Theme } from "@/lib/domain/theme";

const LABELS: Record<Theme, string> = { system: "System", light: "Light", dark: "Dark" };

/** Remembers the choice for the server (a year) and switches this page at once. */
function applyTheme(theme: Theme) {
  document.cookie = `${THEME_COOKIE}=${theme}; path=/; max-age=31536000; samesite=lax`;
  const root = document.documentElement;
  root.classList.remove("light", "dark");
  if (theme !== "system") root.classList.add(theme);
}

/**
 * System / light / dark. The choice is a cookie the root layout reads, so the server puts
 * the class on <html> and the first paint is already in the right scheme (no inline script,
 * nothing for the nonce CSP to block).
 */
export function ThemeToggle({ initial, onDark = false }: { initial: Theme; onDark?: boolean }) {
  const [theme, setTheme] = useState(initial);

  function choose(next: Theme) {
    setTheme(next);
    applyTheme(next);
  }

  return (
    <div
      role="radiogroup"
      aria-label="Colour scheme"
      className={cn(
        "inline-flex shrink-0 rounded-md p-0.5 ring-1",
        onDark ? "bg-white/5 ring-white/15" : "bg-slate-100 ring-slate-200",
      )}
    >
      {THEMES.map((option) => (
        <button
          key={option}
          type="button"
          role="radio"
          aria-checked={theme === option}
          onClick={() => choose(option)}
          className={cn(
            "rounded px-2.5 py-1 text-xs font-medium",
            onDark
              ? theme === option
                ? "bg-white/15 text-white"
                : "text-slate-300 hover:text-white"
              : theme === option
                ? "bg-white text-slate-900 shadow-sm"
                : "text-slate-600 hover:text-slate-900",
          )}
        >
          {LABELS[option]}
        </button>
      ))}
    </div>
  );
}
