import { headers } from "next/headers";
import { forbidden } from "next/navigation";
import { AppShell } from "@/components/layout/app-shell";
import { pagePermissions } from "@/lib/domain/access-notices";
import { requirePageUser } from "@/lib/server/auth/require-user";
import { can } from "@/lib/server/permissions";

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const user = await requirePageUser("/incidents");
  // A page this role may not open answers HTTP 403 here, outside the loading boundary: a page's
  // own forbidden() runs after the response has started streaming (status 200). Pages still
  // check too (client-side navigation does not re-run this layout).
  const needs = pagePermissions((await headers()).get("x-faultline-path") ?? "");
  if (needs && !needs.some((permission) => can(user.role, permission))) forbidden();
  return <AppShell user={user}>{children}</AppShell>;
}
