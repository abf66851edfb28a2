"use server";

import { defineFormAction } from "@/lib/actions/action-client";
import type { ActionState } from "@/lib/actions/action-state";
import { changePasswordSchema } from "@/lib/schemas/account";
import { headers } from "next/headers";
import { getClientAddress } from "@/lib/server/auth/client-address";
import { getCurrentSession } from "@/lib/server/auth/require-user";
import { changePassword } from "@/lib/server/services/auth/change-password";

const action = defineFormAction({
  schema: changePasswordSchema,
  permission: "signed-in",
  run: async ({ actor, input }) => {
    const current = await getCurrentSession();
    const { revokedSessions } = await changePassword({
      actor,
      input,
      currentSessionId: current?.sessionId ?? null,
      address: getClientAddress(await headers()),
    });
    const others = revokedSessions === 1 ? "1 other session was" : `${revokedSessions} other sessions were`;
    return { revalidate: ["/account"], message: `Password changed. ${others} signed out.` };
  },
});

export async function changePasswordAction(previous: ActionState, form: FormData) {
  return action(previous, form);
}
