import type { NextFetchEvent } from "next/server";
import { withAuth, type NextRequestWithAuth } from "next-auth/middleware";
import { refuseOversizedAction } from "@/lib/server/http/action-body-limit";

// A convenience only: every page, action and route handler checks the session itself.
const requireSignIn = withAuth({ pages: { signIn: "/login" } });

export default function proxy(request: NextRequestWithAuth, event: NextFetchEvent) {
  // An oversized form post would reach Next's action handler and come back as a 500.
  return refuseOversizedAction(request) ?? requireSignIn(request, event);
}

export const config = {
  matcher: ["/((?!login|api/|_next/|favicon.ico|icon.svg).*)"],
};
