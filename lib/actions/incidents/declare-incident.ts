"use server";

import { redirect } from "next/navigation";
import { toActionState, type ActionState } from "@/lib/actions/action-state";
import { declareIncidentSchema } from "@/lib/schemas/incident";
import { requireUser } from "@/lib/server/auth/require-user";
import { declareIncident } from "@/lib/server/services/incidents/declare-incident";
import { parseOrThrow } from "@/lib/server/validation";

export async function declareIncidentAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  let id: number;
  try {
    const actor = await requireUser("incident:declare");
    const input = parseOrThrow(declareIncidentSchema, {
      title: form.get("title"),
      severity: form.get("severity"),
      impactStartedAt: form.get("impactStartedAt") || undefined,
      serviceIds: form.getAll("serviceIds"),
    });
    ({ id } = await declareIncident({ actor, input }));
  } catch (error) {
    return toActionState(error);
  }
  redirect(`/incidents/${id}?declared=1`);
}
