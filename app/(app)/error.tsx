"use client";

import { Button } from "@/components/ui/button";

/**
 * A failed page inside the signed-in app: the header and navigation stay (this boundary sits
 * inside app/(app)/layout.tsx), so the person can move on. Form fields contain their own
 * failures (components/ui/field-error-boundary.tsx) and never bring a form down to here.
 */
export default function AppErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="flex min-h-[50vh] flex-col items-center justify-center text-center">
      <h1 className="text-2xl font-semibold tracking-tight">Something went wrong on our side</h1>
      <p className="mt-2 max-w-md text-sm text-slate-600">
        This page could not be shown. Try again; if it keeps happening, tell your admin.
      </p>
      <Button className="mt-6" onClick={reset}>
        Try again
      </Button>
    </div>
  );
}
