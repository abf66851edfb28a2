"use server";

import { z } from "zod";
import { defineFormAction } from "@/lib/actions/action-client";
import type { ActionState } from "@/lib/actions/action-state";
import { getCurrentSession } from "@/lib/server/auth/require-user";
import { AppError } from "@/lib/server/errors";
import { revokeOtherSessions } from "@/lib/server/services/auth/revoke-other-sessions";

const action = defineFormAction({
  schema: z.object({}),
  permission: "signed-in",
  run: async ({ actor }) => {
    const current = await getCurrentSession();
    if (!current) throw new AppError("UNAUTHENTICATED", "Your session has ended. Sign in again.");
    const count = await revokeOtherSessions({ actor, currentSessionId: current.sessionId });
    return {
      revalidate: ["/account"],
      message: count === 1 ? "Signed out 1 other session." : `Signed out ${count} other sessions.`,
    };
  },
});

export async function revokeOtherSessionsAction(previous: ActionState, form: FormData) {
  return action(previous, form);
}
