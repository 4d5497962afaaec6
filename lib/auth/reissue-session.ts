import { cookies } from "next/headers";
import { decode, encode } from "next-auth/jwt";
import { servedOverHttps } from "@/lib/http/security-headers";
import { authOptions } from "./options";

// next-auth's own naming: the __Secure- prefix when the site is served over https.
function sessionCookie() {
  const secure = servedOverHttps(process.env.NEXTAUTH_URL);
  return { name: `${secure ? "__Secure-" : ""}next-auth.session-token`, secure };
}

/**
 * After the signed-in person changed their own password (which ended every session by
 * bumping the version), writes this browser's session again carrying the new version, so
 * the person who made the change stays signed in and every other copy of the old cookie
 * stops working.
 */
export async function reissueSession(sessionVersion: number): Promise<void> {
  const secret = process.env.NEXTAUTH_SECRET;
  if (!secret) return;
  const jar = await cookies();
  const { name, secure } = sessionCookie();
  const current = jar.get(name)?.value;
  if (!current) return;
  const token = await decode({ token: current, secret });
  if (!token) return;
  const maxAge = authOptions.session?.maxAge ?? 12 * 60 * 60;
  const value = await encode({ token: { ...token, sv: sessionVersion }, secret, maxAge });
  jar.set(name, value, { httpOnly: true, sameSite: "lax", path: "/", secure, maxAge });
}
