import "next-auth";
import "next-auth/jwt";

declare module "next-auth" {
  interface Session {
    user?: { id: number; sv?: number; name?: string | null; email?: string | null; image?: string | null };
  }
  interface User {
    username?: string;
    sessionVersion?: number;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    uid?: number;
    /** The user's sessionVersion when this session was issued. */
    sv?: number;
  }
}
