import type { Level, Role } from "@/lib/generated/prisma/enums";

/** What a session carries (in the JWT) and what every service receives as the actor. */
export type SessionUser = { id: number; email: string; name: string; role: Role; level: Level };
