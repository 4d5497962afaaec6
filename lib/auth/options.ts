import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { headers } from "next/headers";
import { getDb } from "@/lib/db/client";
import { authenticate } from "@/lib/server/auth/authenticate";
import { endSessionsOnSignOut } from "@/lib/server/auth/sign-out";
import { requestClientAddress } from "@/lib/server/http/client-address";
import { adoptSignInLocale } from "@/lib/server/users/set-locale";

/** The signing-out request's client address; null outside a request (tests). */
async function signOutAddress(): Promise<string | null> {
  try {
    return requestClientAddress(await headers());
  } catch {
    return null;
  }
}

export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
  pages: { signIn: "/login", error: "/login" },
  providers: [
    CredentialsProvider({
      name: "账号密码",
      credentials: {
        username: { label: "用户名", type: "text" },
        password: { label: "密码", type: "password" },
      },
      async authorize(credentials, req) {
        const result = await authenticate(getDb(), credentials ?? {}, requestClientAddress(req?.headers));
        // next-auth passes a thrown message to the sign-in page as `error`.
        if (!result.ok) throw new Error(result.message);
        await adoptSignInLocale(result.user.id, req?.headers?.cookie);
        const { sessionVersion } = await getDb().user.findUniqueOrThrow({ where: { id: result.user.id }, select: { sessionVersion: true } });
        return { id: String(result.user.id), name: result.user.name, username: result.user.username, sessionVersion };
      },
    }),
  ],
  events: {
    // next-auth clears the cookie whatever happens here (and logs an error); a copy of the
    // cookie made before stops working because its version is now stale.
    async signOut({ token }) {
      if (typeof token?.uid !== "number") return;
      await endSessionsOnSignOut(getDb(), { userId: token.uid, sessionVersion: token.sv ?? 0 }, await signOutAddress());
    },
  },
  callbacks: {
    async jwt({ token, user }) {
      if (user) {
        token.uid = Number(user.id);
        token.sv = user.sessionVersion ?? 0;
      }
      return token;
    },
    async session({ session, token }) {
      if (session.user) {
        session.user.id = token.uid as number;
        session.user.sv = token.sv ?? 0;
      }
      return session;
    },
  },
};
