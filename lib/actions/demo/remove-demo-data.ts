"use server";

import { defineFormAction } from "@/lib/actions/action-client";
import type { ActionState } from "@/lib/actions/action-state";
import { removeDemoDataSchema } from "@/lib/schemas/csv-import";
import { removeDemoData } from "@/lib/server/services/demo/remove-demo-data";

const action = defineFormAction({
  schema: removeDemoDataSchema,
  permission: "settings:manage",
  run: async ({ actor }) => {
    const removed = await removeDemoData({ actor });
    return {
      revalidate: ["/incidents", "/changes", "/dashboard", "/admin/import", "/admin/users"],
      message:
        `Removed ${removed.incidents} demo incident(s), ${removed.changes} change(s) and ${removed.users} demo person(s); ` +
        `statistics rebuilt.` +
        (removed.usersDeactivated
          ? ` ${removed.usersDeactivated} demo person(s) still named by real records were deactivated.`
          : ""),
    };
  },
});

export async function removeDemoDataAction(previous: ActionState, form: FormData) {
  return action(previous, form);
}
