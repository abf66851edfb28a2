import "server-only";
import { cache } from "react";
import { getDb } from "@/lib/server/db";

/** Organisation name and time zone; cached for the duration of one request. */
export const getOrgSettings = cache(async () => {
  const settings = await getDb().orgSettings.findUnique({ where: { id: 1 }, select: { name: true, timeZone: true } });
  return settings ?? { name: "Faultline", timeZone: "UTC" };
});
