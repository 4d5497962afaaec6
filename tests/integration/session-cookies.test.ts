// The session cookie as next-auth sets it with the app's options (lib/auth/options.ts): over
// https it is Secure, __Secure- prefixed, HttpOnly and SameSite=Lax; over plain http (a
// test machine, an intranet without TLS) it cannot be Secure, or browsers would drop it.
// next-auth's own handler is called directly, with a real user in the test database.

// next-auth's core handler, which its route handler wraps; its package exports do not list it.
import { AuthHandler } from "../../node_modules/next-auth/core/index.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { authOptions } from "@/lib/auth/options";
import { TEST_PASSWORD, makeUser } from "../helpers/factories";

let username = "";
const saved = { url: process.env.NEXTAUTH_URL, secret: process.env.NEXTAUTH_SECRET };

beforeAll(async () => {
  process.env.NEXTAUTH_SECRET = "session-cookie-test-secret-0123456789abcdef";
  username = (await makeUser([{ role: "PARK_STAFF" }])).username;
});

afterAll(() => {
  process.env.NEXTAUTH_URL = saved.url;
  process.env.NEXTAUTH_SECRET = saved.secret;
});

async function signIn(origin: string) {
  process.env.NEXTAUTH_URL = origin;
  // As next-auth's route handler does before calling the core.
  const options = { ...authOptions, secret: process.env.NEXTAUTH_SECRET };
  const csrf = await AuthHandler<{ csrfToken: string }>({ req: { action: "csrf", method: "GET", origin }, options });
  const csrfCookie = csrf.cookies!.find((c) => c.name.endsWith("next-auth.csrf-token"))!;
  const res = await AuthHandler({
    req: {
      action: "callback",
      providerId: "credentials",
      method: "POST",
      origin,
      cookies: { [csrfCookie.name]: csrfCookie.value },
      headers: {},
      body: { csrfToken: csrf.body!.csrfToken, username, password: TEST_PASSWORD, json: "true" },
    },
    options,
  });
  return { csrfCookie, session: res.cookies?.find((c) => c.name.endsWith("next-auth.session-token")) };
}

describe("the session cookie", () => {
  it("over https: Secure, __Secure-, HttpOnly, SameSite=Lax (and the CSRF cookie Secure too)", async () => {
    const { csrfCookie, session } = await signIn("https://park.example.cn");
    expect(session?.name).toBe("__Secure-next-auth.session-token");
    expect(session?.options).toMatchObject({ secure: true, httpOnly: true, sameSite: "lax", path: "/" });
    expect(csrfCookie.name).toBe("__Host-next-auth.csrf-token");
    expect(csrfCookie.options.secure).toBe(true);
  });

  it("over plain http: not Secure (browsers would drop it), still HttpOnly and SameSite=Lax", async () => {
    const { session } = await signIn("http://10.0.0.5:3000");
    expect(session?.name).toBe("next-auth.session-token");
    expect(session?.options).toMatchObject({ secure: false, httpOnly: true, sameSite: "lax" });
  });
});
