import "server-only";
import { getDb } from "@/lib/server/db";

/** Every organisation setting, for /admin/settings. */
export async function getOrgSettingsForAdmin() {
  const settings = await getDb().orgSettings.findUnique({
    where: { id: 1 },
    select: {
      name: true,
      timeZone: true,
      passwordSignInEnabled: true,
      ssoDefaultRole: true,
      ssoDefaultLevel: true,
      updatedAt: true,
    },
  });
  return (
    settings ?? {
      name: "Faultline",
      timeZone: "UTC",
      passwordSignInEnabled: true,
      ssoDefaultRole: "ENGINEER" as const,
      ssoDefaultLevel: "MID" as const,
      updatedAt: null,
    }
  );
}
