import Link from "next/link";
import { ForbiddenNotice } from "@/components/layout/forbidden-notice";

/**
 * HTTP 403 for a page the (app) layout refused (its own forbidden() lands here, outside the
 * app's header): the reason, what to do, and the way back.
 */
export default function Forbidden() {
  return (
    <main id="main" className="mx-auto max-w-7xl px-4 py-10 sm:px-6">
      <ForbiddenNotice />
      <p className="mx-auto mt-4 max-w-2xl text-sm">
        <Link href="/incidents" className="font-medium text-indigo-700 underline">
          ← Back to incidents
        </Link>
      </p>
    </main>
  );
}
