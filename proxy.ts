import { withAuth } from "next-auth/middleware";

// A convenience only: every page, action and route handler checks the session itself.
export default withAuth({ pages: { signIn: "/login" } });

export const config = {
  matcher: ["/((?!login|api/|_next/|favicon.ico|icon.svg).*)"],
};
