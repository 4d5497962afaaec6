// Two `next start` processes on one database: the one Playwright starts (A) and a second
// one this spec starts on a free port (B), from the same build. What must hold across
// processes: the sign-in throttle, the API rate limit, sessions (valid on both, ended on
// both by signing out), and the client address (a lock per IP cannot be escaped by
// writing X-Forwarded-For). Plain HTTP, no browser. Each test sends from a loopback address
// of its own (a random 127.x.y.z), so the per-IP counters of the other specs (127.0.0.1)
// and of an earlier run on the same database stay untouched.

import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes, createHash } from "node:crypto";
import http from "node:http";
import net from "node:net";
import { hash } from "@node-rs/argon2";
import { expect, test } from "@playwright/test";
import pg from "pg";
import { API_RATE_LIMIT_PER_MINUTE } from "../lib/api/rate-limit";
import { e2eServerEnv } from "./server-env";

test.describe.configure({ mode: "serial" });
// The second process runs the build `npm run test:e2e` made; a server of your own (E2E_BASE_URL) has none.
test.skip(!!process.env.E2E_BASE_URL, "needs the build made by npm run test:e2e");

const DATABASE_URL = process.env.E2E_DATABASE_URL!;
const A = `http://127.0.0.1:${new URL(process.env.E2E_BASE_URL ?? `http://localhost:${process.env.E2E_PORT ?? 3100}`).port}`;
let B = "";
let second: ChildProcess | null = null;

const PASSWORD = "Multi-Process-Pass-2026";
/** A loopback address of its own for a test (Linux routes all of 127.0.0.0/8 to lo). */
const loopback = () => `127.${[...randomBytes(3)].map((b) => Math.max(2, b % 255)).join(".")}`;
const FAILED = "用户名或密码错误";
const LOCKED = /^登录失败次数过多，请 \d+ 分钟后再试$/;

// ------------------------------------------------------------------------------- helpers

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
  cookies: Record<string, string>;
}

/** One request from the loopback address `from`; cookies the server set are returned. */
function send(url: string, opts: { method?: string; headers?: Record<string, string>; body?: string; from: string }): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: opts.method ?? "GET", headers: opts.headers, localAddress: opts.from, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => {
        const cookies: Record<string, string> = {};
        for (const line of res.headers["set-cookie"] ?? []) {
          const [pair] = line.split(";");
          const at = pair.indexOf("=");
          cookies[pair.slice(0, at)] = pair.slice(at + 1);
        }
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString("utf8"), cookies });
      });
    });
    req.on("error", reject);
    req.end(opts.body);
  });
}

const cookieHeader = (jar: Record<string, string>) =>
  Object.entries(jar)
    .filter(([, v]) => v !== "")
    .map(([k, v]) => `${k}=${v}`)
    .join("; ");

async function csrf(base: string, from: string): Promise<{ token: string; jar: Record<string, string> }> {
  const r = await send(`${base}/api/auth/csrf`, { from });
  return { token: (JSON.parse(r.body) as { csrfToken: string }).csrfToken, jar: r.cookies };
}

/** next-auth's credentials sign-in as the login page posts it: the error message, or the session cookies. */
async function signIn(base: string, username: string, password: string, opts: { from: string; forwardedFor?: string }) {
  const { token, jar } = await csrf(base, opts.from);
  const r = await send(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    from: opts.from,
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      cookie: cookieHeader(jar),
      ...(opts.forwardedFor ? { "x-forwarded-for": opts.forwardedFor } : {}),
    },
    body: new URLSearchParams({ username, password, csrfToken: token, callbackUrl: base, json: "true" }).toString(),
  });
  const url = new URL((JSON.parse(r.body) as { url: string }).url, base);
  return { error: url.searchParams.get("error"), jar: { ...jar, ...r.cookies } };
}

async function sql<T extends Record<string, unknown>>(text: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: DATABASE_URL });
  await client.connect();
  try {
    return (await client.query(text, params)).rows as T[];
  } finally {
    await client.end();
  }
}

async function makeUser(): Promise<string> {
  const username = `mp_${randomBytes(5).toString("hex")}`;
  await sql(`INSERT INTO "User" (username, name, "passwordHash", "updatedAt") VALUES ($1, $2, $3, now())`, [username, `多进程${username}`, await hash(PASSWORD)]);
  return username;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on("error", reject);
    srv.listen(0, () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

// ---------------------------------------------------------------------- the second process

test.beforeAll(async () => {
  test.setTimeout(90_000);
  const port = await freePort();
  B = `http://127.0.0.1:${port}`;
  second = spawn("node_modules/.bin/next", ["start", "-p", String(port)], {
    env: { ...process.env, ...e2eServerEnv(`http://localhost:${port}`, DATABASE_URL) },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (second.exitCode !== null) throw new Error(`second next start exited with ${second.exitCode}`);
    const up = await send(`${B}/login`, { from: "127.0.0.1" }).then(
      (r) => r.status === 200,
      () => false,
    );
    if (up) break;
    if (Date.now() > deadline) throw new Error("second next start did not answer within 60 s");
    await new Promise((r) => setTimeout(r, 250));
  }
});

test.afterAll(async () => {
  if (!second || second.exitCode !== null) return;
  const exited = new Promise((resolve) => second!.once("exit", resolve));
  second.kill("SIGTERM");
  await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
});

// --------------------------------------------------------------------------------- tests

test("30 parallel wrong passwords spread over both processes lock the account after the limit", async () => {
  const username = await makeUser();
  const from = loopback();
  const results = await Promise.all(Array.from({ length: 30 }, (_, i) => signIn(i % 2 ? B : A, username, `wrong-${i}`, { from })));
  const errors = results.map((r) => r.error ?? "signed in");
  expect(errors.filter((e) => e === FAILED)).toHaveLength(5);
  expect(errors.filter((e) => LOCKED.test(e))).toHaveLength(25);
  // The right password now, on either process, is refused.
  for (const base of [A, B]) expect((await signIn(base, username, PASSWORD, { from })).error).toMatch(LOCKED);
});

test("an IP lock is not escaped by writing X-Forwarded-For", async () => {
  const from = loopback();
  const forged = () => `203.0.113.${Math.floor(Math.random() * 250)}`;
  const spray = await Promise.all(
    Array.from({ length: 30 }, (_, i) => signIn(i % 2 ? B : A, `mp_nobody_${randomBytes(4).toString("hex")}`, "x", { from, forwardedFor: forged() })),
  );
  expect(spray.every((r) => r.error === FAILED)).toBe(true);
  const username = await makeUser();
  for (const base of [A, B]) expect((await signIn(base, username, PASSWORD, { from, forwardedFor: forged() })).error).toMatch(LOCKED);
  // Another address is not affected.
  expect((await signIn(A, username, PASSWORD, { from: loopback() })).error).toBeNull();
});

test("the API rate limit holds at the configured total across both processes", async () => {
  const [admin] = await sql<{ id: number }>(`SELECT id FROM "User" WHERE username = 'admin'`);
  const [park] = await sql<{ id: number }>(`SELECT id FROM "Park" ORDER BY id LIMIT 1`);
  const prefix = randomBytes(4).toString("hex");
  const raw = `ppt_${prefix}_${randomBytes(32).toString("base64url")}`;
  const [token] = await sql<{ id: number }>(`INSERT INTO "ApiToken" (name, prefix, "tokenHash", scope, "createdById") VALUES ($1, $2, $3, 'READ', $4) RETURNING id`, [
    `多进程限流 ${prefix}`,
    prefix,
    createHash("sha256").update(raw, "utf8").digest("hex"),
    admin.id,
  ]);
  await sql(`INSERT INTO "ApiTokenPark" ("tokenId", "parkId") VALUES ($1, $2)`, [token.id, park.id]);

  const extra = 10;
  const replies = await Promise.all(
    Array.from({ length: API_RATE_LIMIT_PER_MINUTE + extra }, (_, i) => send(`${i % 2 ? B : A}/api/v1/parks`, { from: loopback(), headers: { authorization: `Bearer ${raw}` } })),
  );
  const statuses = replies.map((r) => r.status);
  expect(statuses.filter((s) => s === 200)).toHaveLength(API_RATE_LIMIT_PER_MINUTE);
  expect(statuses.filter((s) => s === 429)).toHaveLength(extra);
  const limited = replies.find((r) => r.status === 429)!;
  expect(Number(limited.headers["retry-after"])).toBeGreaterThanOrEqual(1);
  expect(Number(limited.headers["retry-after"])).toBeLessThanOrEqual(60);
  expect(JSON.parse(limited.body)).toMatchObject({ error: { code: "RATE_LIMITED", message: { zh: expect.stringContaining("请求过于频繁") } } });
});

test("a session made on one process works on the other, and signing out ends every copy on both", async () => {
  const username = await makeUser();
  const from = loopback();
  const { error, jar } = await signIn(A, username, PASSWORD, { from });
  expect(error).toBeNull();
  const copy = { ...jar };
  const account = (base: string, cookies: Record<string, string>) => send(`${base}/account`, { from, headers: { cookie: cookieHeader(cookies) } });
  expect((await account(B, copy)).status).toBe(200);
  expect((await account(A, copy)).status).toBe(200);

  // Sign out on B, as the header's 退出 button does.
  const { token, jar: csrfJar } = await csrf(B, from);
  const out = await send(`${B}/api/auth/signout`, {
    method: "POST",
    from,
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookieHeader({ ...jar, ...csrfJar }) },
    body: new URLSearchParams({ csrfToken: token, callbackUrl: `${B}/login`, json: "true" }).toString(),
  });
  expect(out.status).toBe(200);

  // The copy kept from before signing out is refused on both processes.
  for (const base of [A, B]) {
    const r = await account(base, copy);
    expect([303, 307, 308]).toContain(r.status);
    expect(r.headers.location).toMatch(/\/login$/);
  }
});
