import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { isAppError } from "@/lib/server/errors";
import { signInSchema } from "@/lib/schemas/auth";
import { verifyCredentials } from "@/lib/server/services/auth/verify-credentials";
import type { SessionUser } from "./session-user";

export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
  pages: { signIn: "/login" },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials) {
        const parsed = signInSchema.safeParse(credentials ?? {});
        if (!parsed.success) throw new Error("Enter your email address and password.");
        try {
          const user = await verifyCredentials(parsed.data);
          return { ...user, id: String(user.id) };
        } catch (error) {
          // next-auth hands this message to the sign-in form.
          if (isAppError(error)) throw new Error(error.message);
          throw error;
        }
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        const u = user as unknown as Omit<SessionUser, "id"> & { id: string };
        token.uid = Number(u.id);
        token.role = u.role;
        token.level = u.level;
      }
      return token;
    },
    session({ session, token }) {
      session.user = {
        id: token.uid,
        email: token.email ?? "",
        name: token.name ?? "",
        role: token.role,
        level: token.level,
      };
      return session;
    },
  },
};
