import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { FirstAdminInstructions } from "@/components/auth/first-admin-instructions";
import { SignInForm } from "@/components/auth/sign-in-form";
import { safeRedirectPath } from "@/lib/domain/safe-redirect";
import { signInErrorMessage } from "@/lib/domain/sign-in-errors";
import { getCurrentUser } from "@/lib/server/auth/require-user";
import { getSignInSettings } from "@/lib/server/queries/settings/get-sign-in-settings";
import { hasAnyUser } from "@/lib/server/queries/users/has-any-user";

export const metadata: Metadata = { title: "Sign in" };

export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await searchParams;
  // Only a path on this application (the same rule as next-auth's redirect callback).
  const callbackUrl = safeRedirectPath(params.callbackUrl, process.env.NEXTAUTH_URL);
  if (await getCurrentUser()) redirect(callbackUrl);
  const [{ passwordSignInEnabled, sso }, anyUser] = await Promise.all([getSignInSettings(), hasAnyUser()]);
  const error = signInErrorMessage(typeof params.error === "string" ? params.error : undefined);
  return (
    <div className="flex min-h-screen">
      <div className="flex flex-1 flex-col justify-center px-6 py-12 sm:px-12">
        <div className="mx-auto w-full max-w-sm">
          <div className="flex items-center gap-2.5">
            {/* eslint-disable-next-line @next/next/no-img-element */}
            <img src="/icon.svg" alt="" className="size-9" />
            <span className="text-xl font-semibold tracking-tight">Faultline</span>
          </div>
          <h1 className="mt-8 text-2xl font-semibold tracking-tight text-slate-900">Sign in to your organisation</h1>
          <p className="mt-2 text-sm text-slate-600">
            Log incidents, link the changes behind them, and see whether AI-assisted changes fail more often.
          </p>
          <div className="mt-8">
            {anyUser ? (
              <SignInForm
                callbackUrl={callbackUrl}
                sso={sso}
                passwordSignInEnabled={passwordSignInEnabled}
                initialError={error}
              />
            ) : (
              <FirstAdminInstructions />
            )}
          </div>
        </div>
      </div>
      <aside className="palette-fixed relative hidden flex-1 items-end overflow-hidden bg-slate-900 p-12 lg:flex">
        <div
          className="absolute inset-0 bg-[radial-gradient(circle_at_30%_20%,rgba(99,102,241,0.35),transparent_55%)]"
          aria-hidden
        />
        <blockquote className="relative max-w-md text-slate-200">
          <p className="text-lg leading-relaxed">
            “Are our outages coming from our changes, and are the AI-assisted ones riskier?”
          </p>
          <footer className="mt-4 text-sm text-slate-400">The question Faultline answers every week.</footer>
        </blockquote>
      </aside>
    </div>
  );
}
