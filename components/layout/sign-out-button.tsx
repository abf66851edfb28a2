"use client";

import { signOut } from "next-auth/react";

export function SignOutButton() {
  return (
    <button
      type="button"
      onClick={() => signOut({ callbackUrl: "/login" })}
      className="rounded-md px-2.5 py-1.5 text-sm text-slate-300 hover:bg-white/10 hover:text-white"
    >
      Sign out
    </button>
  );
}
