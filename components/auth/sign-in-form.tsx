"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button, buttonClasses } from "@/components/ui/button";
import { Field, FormAlert, inputClasses } from "@/components/ui/field";
import { signInSchema } from "@/lib/schemas/auth";

type Props = {
  callbackUrl: string;
  sso: { name: string } | null;
  passwordSignInEnabled: boolean;
  initialError?: string;
};

export function SignInForm({ callbackUrl, sso, passwordSignInEnabled, initialError }: Props) {
  const router = useRouter();
  const [error, setError] = useState<string | undefined>(initialError);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[] | undefined>>({});
  const [pending, setPending] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const parsed = signInSchema.safeParse({ email: form.get("email"), password: form.get("password") });
    if (!parsed.success) {
      setFieldErrors(parsed.error.flatten().fieldErrors);
      setError(undefined);
      return;
    }
    setFieldErrors({});
    setPending(true);
    const result = await signIn("credentials", { ...parsed.data, redirect: false });
    setPending(false);
    // A failed CSRF check still answers ok with "csrf=true" in the URL: treat it as a failure.
    if (!result || result.error || !result.ok || result.url?.includes("csrf=true")) {
      setError(
        result?.error && result.error !== "CredentialsSignin"
          ? result.error
          : "Sign-in failed. Reload the page and try again.",
      );
      return;
    }
    router.replace(callbackUrl);
    router.refresh();
  }

  // A link, not a button: it leaves for the provider (and keeps "Sign in" the form's only button).
  const ssoButton = sso ? (
    <a
      href={`/api/auth/signin/oidc?callbackUrl=${encodeURIComponent(callbackUrl)}`}
      onClick={(event) => {
        event.preventDefault();
        void signIn("oidc", { callbackUrl });
      }}
      className={buttonClasses(passwordSignInEnabled ? "secondary" : "primary", "w-full")}
    >
      Sign in with {sso.name}
    </a>
  ) : null;

  if (!passwordSignInEnabled) {
    return (
      <div className="space-y-5">
        <FormAlert message={error} />
        {ssoButton}
        <p className="text-xs text-slate-500">Password sign-in is switched off for this organisation.</p>
      </div>
    );
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-5">
      <FormAlert message={error} />
      {ssoButton ? (
        <>
          {ssoButton}
          <div className="flex items-center gap-3 text-xs text-slate-500" aria-hidden>
            <span className="h-px flex-1 bg-slate-200" />
            or with your email and password
            <span className="h-px flex-1 bg-slate-200" />
          </div>
        </>
      ) : null}
      <Field id="email" label="Email" errors={fieldErrors.email}>
        <input
          id="email"
          name="email"
          type="email"
          autoComplete="username"
          autoFocus
          required
          aria-invalid={Boolean(fieldErrors.email)}
          className={inputClasses}
        />
      </Field>
      <Field id="password" label="Password" errors={fieldErrors.password}>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          aria-invalid={Boolean(fieldErrors.password)}
          className={inputClasses}
        />
      </Field>
      <Button type="submit" disabled={pending} className="w-full">
        {pending ? "Signing in…" : "Sign in"}
      </Button>
    </form>
  );
}
