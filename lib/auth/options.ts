import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { revokeAuthSession } from "../db/sessions";
import { AppError } from "../errors";
import { login } from "../services/auth";

const credentialsSchema = z.object({
  email: z.string().trim().min(1, "Enter your email").max(200),
  password: z.string().min(1, "Enter your password").max(500),
});

function clientIp(headers: Record<string, unknown> | undefined): string {
  const forwarded = headers?.["x-forwarded-for"];
  const first = typeof forwarded === "string" ? forwarded.split(",")[0]?.trim() : undefined;
  const real = headers?.["x-real-ip"];
  return first || (typeof real === "string" ? real : "") || "unknown";
}

/**
 * next-auth with email + password. The JWT only names a server-side session row
 * (`sid`); every request re-reads that row, the user and the membership, so
 * logout, disabling, role changes, removal and password changes apply at once.
 */
export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
  pages: { signIn: "/login" },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials, req) {
        const parsed = credentialsSchema.safeParse(credentials);
        if (!parsed.success) throw new Error(parsed.error.issues[0]?.message ?? "Enter your email and password");
        try {
          const headers = req?.headers as Record<string, unknown> | undefined;
          const result = await login({
            email: parsed.data.email,
            password: parsed.data.password,
            ip: clientIp(headers),
            userAgent: typeof headers?.["user-agent"] === "string" ? (headers["user-agent"] as string) : undefined,
          });
          return { id: result.userId, sid: result.sessionId };
        } catch (error) {
          // next-auth passes the message to the sign-in page; never leak internals.
          if (error instanceof AppError) throw new Error(error.message);
          console.error("login failed", error);
          throw new Error("Sign-in is unavailable right now. Try again shortly.");
        }
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      if (user) {
        token.uid = user.id;
        token.sid = (user as { sid?: string }).sid;
      }
      return token;
    },
    async session({ session, token }) {
      return { ...session, sid: token.sid as string | undefined, uid: token.uid as string | undefined };
    },
  },
  events: {
    async signOut({ token }) {
      if (typeof token?.sid === "string") await revokeAuthSession(token.sid);
    },
  },
};
