import type { Level, Role } from "@/lib/generated/prisma/enums";

declare module "next-auth" {
  interface Session {
    user: { id: number; email: string; name: string; role: Role; level: Level };
    /** The UserSession row of this sign-in; missing in tokens minted before sessions existed. */
    sessionId?: string;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    uid: number;
    role: Role;
    level: Level;
    sid?: string;
  }
}
