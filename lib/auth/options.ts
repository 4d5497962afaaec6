import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { getDb } from "@/lib/db/client";
import { authenticate } from "@/lib/server/auth/authenticate";
import { requestClientAddress } from "@/lib/server/http/client-address";

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
        const { sessionVersion } = await getDb().user.findUniqueOrThrow({ where: { id: result.user.id }, select: { sessionVersion: true } });
        return { id: String(result.user.id), name: result.user.name, username: result.user.username, sessionVersion };
      },
    }),
  ],
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
