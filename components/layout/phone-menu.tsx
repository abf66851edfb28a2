"use client";

import Link from "next/link";
import { useEffect, useState } from "react";
import { usePathname } from "next/navigation";
import type { Theme } from "@/lib/domain/theme";
import { AppNav, type NavItem } from "./app-nav";
import { SignOutButton } from "./sign-out-button";
import { ThemeToggle } from "./theme-toggle";

/**
 * Below the xl breakpoint the header shows a Menu button instead of the links: it opens a
 * panel under the header with every section, the account, the colour scheme and sign-out.
 */
export function PhoneMenu({
  items,
  user,
  theme,
}: {
  items: NavItem[];
  user: { name: string; detail: string };
  theme: Theme;
}) {
  const [open, setOpen] = useState(false);
  const pathname = usePathname();
  const [shownFor, setShownFor] = useState(pathname);
  if (shownFor !== pathname) {
    // Navigated (also by the browser's back button): close the panel.
    setShownFor(pathname);
    setOpen(false);
  }

  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => event.key === "Escape" && setOpen(false);
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [open]);

  return (
    <>
      <button
        type="button"
        aria-expanded={open}
        aria-controls="phone-menu"
        onClick={() => setOpen((was) => !was)}
        className="flex items-center gap-1.5 rounded-md px-2.5 py-1.5 text-sm font-medium text-slate-200 ring-1 ring-white/20 hover:bg-white/10 xl:hidden"
      >
        <svg aria-hidden viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={2} className="size-5">
          {open ? (
            <path strokeLinecap="round" d="M6 6l12 12M18 6L6 18" />
          ) : (
            <path strokeLinecap="round" d="M4 7h16M4 12h16M4 17h16" />
          )}
        </svg>
        Menu
      </button>
      {open ? (
        <div
          id="phone-menu"
          className="absolute inset-x-0 top-14 z-40 max-h-[calc(100dvh-3.5rem)] overflow-y-auto border-t border-white/10 bg-slate-900 px-4 pb-5 pt-3 shadow-xl xl:hidden"
        >
          <AppNav items={items} vertical onNavigate={() => setOpen(false)} />
          <div className="mt-3 space-y-3 border-t border-white/10 pt-3">
            <Link
              href="/account"
              onClick={() => setOpen(false)}
              className="block rounded-md px-3 py-2 hover:bg-white/10"
            >
              <div className="text-sm font-medium text-white">{user.name}</div>
              <div className="text-xs text-slate-400">{user.detail} · your account</div>
            </Link>
            <div className="flex flex-wrap items-center justify-between gap-3 px-3">
              <ThemeToggle initial={theme} onDark />
              <SignOutButton />
            </div>
          </div>
        </div>
      ) : null}
    </>
  );
}
