import "server-only";
import { getDb } from "@/lib/server/db";

/** What the account page shows about the signed-in person. */
export async function getAccount(userId: number) {
  const user = await getDb().user.findUniqueOrThrow({
    where: { id: userId },
    select: {
      email: true,
      name: true,
      role: true,
      level: true,
      passwordHash: true,
      oidcSubject: true,
      team: { select: { name: true } },
    },
  });
  const { passwordHash, oidcSubject, ...rest } = user;
  return { ...rest, hasPassword: Boolean(passwordHash), ssoLinked: Boolean(oidcSubject) };
}
