import type { SessionUser } from "./session-user";

/**
 * Who acts when no person is signed in: the command-line tool (`npx faultline …`, run by
 * whoever holds the server's shell and database credentials) or the server's own start-up.
 * It has the admin role for permission checks, no user id, and its label goes into the
 * audit log's actorLabel ("CLI", "start-up").
 */
export type SystemActor = { kind: "system"; label: string; role: "ADMIN" };

/** Every service's actor: a signed-in person (or the person behind an API token), or the system. */
export type Actor = SessionUser | SystemActor;

export const CLI_ACTOR: SystemActor = { kind: "system", label: "CLI", role: "ADMIN" };
export const STARTUP_ACTOR: SystemActor = { kind: "system", label: "start-up", role: "ADMIN" };

export function isSystemActor(actor: Actor): actor is SystemActor {
  return "kind" in actor && actor.kind === "system";
}

/** The audit columns for an actor: a person's id, or no id and the system's label. */
export function auditActorOf(actor: Actor): { actorId: number | null; actorLabel?: string } {
  return isSystemActor(actor) ? { actorId: null, actorLabel: actor.label } : { actorId: actor.id };
}
