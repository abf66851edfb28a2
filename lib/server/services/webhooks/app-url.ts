import "server-only";

/** Absolute link to a Faultline page for webhook payloads; NEXTAUTH_URL is the public base. */
export function appUrl(path: string): string {
  const base = (process.env.NEXTAUTH_URL ?? "http://localhost:3000").replace(/\/+$/, "");
  return `${base}${path}`;
}
