import "server-only";
import bcrypt from "bcryptjs";
import { DEMO_PASSWORD_REFUSED, isDemoPasswordRefused } from "@/lib/domain/demo-password";
import { getConnection, getDb } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import { formatWait } from "@/lib/domain/format";
import type { SessionUser } from "@/lib/server/auth/session-user";
import { admitLoginAttempt, recordLoginSuccess } from "./login-throttle";

// A hash to compare against when the email is unknown, so both paths cost the same time.
const NO_USER_HASH = "$2b$10$/XnMBo.CQBxtFJxqHfblouwSVBsXuV1cnXWSC127Pt7aOXwRpHlK2";

/**
 * Checks an email and password from the client at `address`. The attempt is counted by
 * the throttle before the password is looked at; a refused attempt is never evaluated.
 */
export async function verifyCredentials(options: {
  email: string;
  password: string;
  address: string;
}): Promise<SessionUser> {
  const email = options.email.trim().toLowerCase();
  const attempt = { email, address: options.address };
  const admission = await admitLoginAttempt(attempt);
  if (!admission.allowed) {
    throw new AppError(
      "RATE_LIMITED",
      `Too many sign-in attempts. Try again in ${formatWait(admission.retryAfterSeconds)}.`,
      { retryAfterSeconds: admission.retryAfterSeconds },
    );
  }
  const refused = isDemoPasswordRefused(options.password, {
    embedded: getConnection().target.kind === "embedded",
    demoDataSetting: process.env.FAULTLINE_DEMO_DATA,
  });
  if (refused) {
    throw new AppError("UNAUTHENTICATED", DEMO_PASSWORD_REFUSED);
  }
  const user = await getDb().user.findUnique({
    where: { email },
    select: { id: true, email: true, name: true, role: true, level: true, active: true, passwordHash: true },
  });
  const matches = await bcrypt.compare(options.password, user?.passwordHash ?? NO_USER_HASH);
  if (!user || !user.passwordHash || !matches || !user.active) {
    const inactive = user && matches && !user.active;
    throw new AppError(
      "UNAUTHENTICATED",
      inactive
        ? "This account is deactivated. Ask an admin to reactivate it."
        : "Wrong email or password. Check both and try again.",
    );
  }
  await recordLoginSuccess(attempt);
  return { id: user.id, email: user.email, name: user.name, role: user.role, level: user.level };
}
