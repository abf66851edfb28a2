import { DEMO_PASSWORD } from "@/lib/server/demo/demo-catalog";

/**
 * The demo accounts' password is published (README, start-up log), so it only opens a door
 * where demo data is expected: the embedded database, or a server started with
 * FAULTLINE_DEMO_DATA=1 on purpose. Anywhere else it is refused, for every account.
 */
export function isDemoPasswordRefused(
  password: string,
  context: { embedded: boolean; demoDataSetting: string | undefined },
): boolean {
  if (password !== DEMO_PASSWORD) return false;
  if (context.demoDataSetting !== undefined) return context.demoDataSetting !== "1";
  return !context.embedded;
}

export const DEMO_PASSWORD_REFUSED =
  "The demo password is switched off on this server because it is published. " +
  "Ask an admin to set a new password (`npx faultline user reset-password --email <you>`).";
