// What the sign-in page says for each `?error=` code. next-auth sends its own codes
// (OAuthSignin, OAuthCallback, …); the single sign-on resolution sends the Sso* codes.
export const SSO_REFUSALS = {
  SsoDeactivated: "This account is deactivated. Ask an admin to reactivate it.",
  SsoEmailUnverified:
    "An account with this email address already exists, but your identity provider has not verified the address, so it was not linked. Verify the address at your provider, or ask an admin.",
  SsoNoEmail:
    "Your identity provider did not give Faultline an email address for your account (neither in the sign-in token nor from its userinfo endpoint). Check that your account there has an email address; if it does, ask an admin to let the provider release the “email” claim to Faultline (docs/sso.md).",
  SsoAlreadyLinked:
    "This email address is already linked to another single sign-on identity. Ask an admin to check your account.",
} as const;
export type SsoRefusal = keyof typeof SSO_REFUSALS;

const NEXT_AUTH_ERRORS: Record<string, string> = {
  OAuthSignin: "Could not reach the single sign-on provider. Try again in a moment or ask an admin.",
  OAuthCallback: "The single sign-on provider's answer could not be checked. Try signing in again.",
  OAuthAccountNotLinked: "This email address belongs to another account. Sign in the way you did before.",
  Callback: "Single sign-on did not complete. Try signing in again.",
  AccessDenied: "Sign-in was refused.",
  Configuration: "Sign-in is misconfigured on the server. Ask an admin to check the single sign-on settings.",
  SessionRequired: "Sign in to continue.",
};

/** A message for the sign-in page, or undefined when there is no error. */
export function signInErrorMessage(code: string | undefined): string | undefined {
  if (!code) return undefined;
  if (code in SSO_REFUSALS) return SSO_REFUSALS[code as SsoRefusal];
  return NEXT_AUTH_ERRORS[code] ?? "Sign-in did not complete. Try again.";
}
