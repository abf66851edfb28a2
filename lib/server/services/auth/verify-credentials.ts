import "server-only";
import bcrypt from "bcryptjs";
import { DEMO_PASSWORD_REFUSED, isDemoPasswordRefused } from "@/lib/domain/demo-password";
import { getConnection, getDb } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import { formatWait } from "@/lib/domain/format";
import type { SessionUser } from "@/lib/server/auth/session-user";
import { clearLoginFailures, getLoginBlockSeconds, recordLoginFailure } from "./login-throttle";

// A hash to compare against when the email is unknown, so both paths cost the same time.
const NO_USER_HASH = "$2b$10$/XnMBo.CQBxtFJxqHfblouwSVBsXuV1cnXWSC127Pt7aOXwRpHlK2";

export async function verifyCredentials(options: { email: string; password: string }): Promise<SessionUser> {
  const email = options.email.trim().toLowerCase();
  const blocked = await getLoginBlockSeconds(email);
  if (blocked > 0) {
    throw new AppError("RATE_LIMITED", `Too many failed sign-ins. Try again in ${formatWait(blocked)}.`, {
      retryAfterSeconds: blocked,
    });
  }
  const refused = isDemoPasswordRefused(options.password, {
    embedded: getConnection().target.kind === "embedded",
    demoDataSetting: process.env.FAULTLINE_DEMO_DATA,
  });
  if (refused) {
    await recordLoginFailure(email);
    throw new AppError("UNAUTHENTICATED", DEMO_PASSWORD_REFUSED);
  }
  const user = await getDb().user.findUnique({
    where: { email },
    select: { id: true, email: true, name: true, role: true, level: true, active: true, passwordHash: true },
  });
  const matches = await bcrypt.compare(options.password, user?.passwordHash ?? NO_USER_HASH);
  if (!user || !user.passwordHash || !matches || !user.active) {
    const wait = await recordLoginFailure(email);
    const inactive = user && matches && !user.active;
    const message = inactive
      ? "This account is deactivated. Ask an admin to reactivate it."
      : wait > 0
        ? `Wrong email or password. Too many failed sign-ins: try again in ${formatWait(wait)}.`
        : "Wrong email or password. Check both and try again.";
    throw new AppError(wait > 0 ? "RATE_LIMITED" : "UNAUTHENTICATED", message, {
      retryAfterSeconds: wait || undefined,
    });
  }
  await clearLoginFailures(email);
  return { id: user.id, email: user.email, name: user.name, role: user.role, level: user.level };
}
