import type { SessionUser } from "./session-user";

/**
 * Who acts when no person is signed in: the command-line tool (`npx faultline …`, run by
 * whoever holds the server's shell and database credentials) or the server's own start-up.
 * It has the admin role for permission checks, no user id, and its label goes into the
 * audit log's actorLabel ("CLI", "start-up").
 */
export type SystemActor = { kind: "system"; label: string; role: "ADMIN" };

/**
 * An integration acting on its own (GitHub, Alertmanager, a CSV import): its label goes into
 * the audit log ("Alertmanager integration prod"), `userId` is the person answerable for it
 * (the integration's creator, or null), and its permissions are INTEGRATION_PERMISSIONS, not a role.
 */
export type IntegrationActor = { kind: "integration"; label: string; userId: number | null };

/** Every service's actor: a signed-in person (or the person behind an API token), the system, or an integration. */
export type Actor = SessionUser | SystemActor | IntegrationActor;

export const CLI_ACTOR: SystemActor = { kind: "system", label: "CLI", role: "ADMIN" };
export const STARTUP_ACTOR: SystemActor = { kind: "system", label: "start-up", role: "ADMIN" };

export const integrationActor = (label: string, userId: number | null): IntegrationActor => ({
  kind: "integration",
  label,
  userId,
});

export function isSystemActor(actor: Actor): actor is SystemActor {
  return "kind" in actor && actor.kind === "system";
}

export function isIntegrationActor(actor: Actor): actor is IntegrationActor {
  return "kind" in actor && actor.kind === "integration";
}

/** A person's actor (signed in or behind an API token), or null for the system and integrations. */
export function personOf(actor: Actor): SessionUser | null {
  return "kind" in actor ? null : actor;
}

/** The user id the audit log and "declared by" columns name: the person, or the person behind an integration. */
export function actorUserId(actor: Actor): number | null {
  if (isSystemActor(actor)) return null;
  return isIntegrationActor(actor) ? actor.userId : actor.id;
}

/** The audit columns for an actor: a person's id, or the system's label, or an integration's person and label. */
export function auditActorOf(actor: Actor): { actorId: number | null; actorLabel?: string } {
  if (isSystemActor(actor)) return { actorId: null, actorLabel: actor.label };
  if (isIntegrationActor(actor)) return { actorId: actor.userId, actorLabel: actor.label };
  return { actorId: actor.id };
}

/** How outbound events (webhooks, Slack) name whoever acted: a person's id and name, or an integration's or the system's label. */
export function outboundActorOf(actor: Actor): { id: number | null; name: string } {
  return "kind" in actor ? { id: null, name: actor.label } : { id: actor.id, name: actor.name };
}
