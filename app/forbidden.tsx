import Link from "next/link";
import { AppShell } from "@/components/layout/app-shell";
import { ForbiddenNotice } from "@/components/layout/forbidden-notice";
import { getCurrentUser } from "@/lib/server/auth/require-user";

/**
 * HTTP 403 for a page the (app) layout refused (its own forbidden() lands here, outside that
 * layout): the reason and the way back, inside the same header, so the person can go elsewhere
 * or sign out.
 */
export default async function Forbidden() {
  const user = await getCurrentUser();
  const notice = (
    <>
      <ForbiddenNotice />
      <p className="mx-auto mt-4 max-w-2xl text-sm">
        <Link href="/incidents" className="font-medium text-indigo-700 underline">
          ← Back to incidents
        </Link>
      </p>
    </>
  );
  if (!user) return <main className="mx-auto max-w-7xl px-4 py-10 sm:px-6">{notice}</main>;
  return <AppShell user={user}>{notice}</AppShell>;
}
