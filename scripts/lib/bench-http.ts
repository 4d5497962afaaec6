// Times whole pages as a browser gets them: `next start` (the production build in .next, or
// in NEXT_DIST_DIR)
// on the benchmark database, signed in through next-auth's credentials endpoint, each page
// fetched and read to the end. This is the server render time, network on loopback only.
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";

const ROOT = path.resolve(import.meta.dirname, "../..");
const PORT = Number(process.env.BENCH_HTTP_PORT ?? 3199);
const BASE = `http://localhost:${PORT}`;

interface Options {
  databaseUrl: string;
  username: string;
  password: string;
  paths: string[];
  runs: number;
  warmup: number;
  report: (name: string, samples: number[]) => void;
}

function cookiesOf(res: Response): string[] {
  return res.headers.getSetCookie().map((c) => c.split(";")[0]);
}

async function waitForServer(deadline: number) {
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${BASE}/login`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error("next start did not answer within 60 s");
}

async function signIn(username: string, password: string): Promise<string> {
  const csrf = await fetch(`${BASE}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const jar = cookiesOf(csrf);
  const res = await fetch(`${BASE}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.join("; ") },
    body: new URLSearchParams({ csrfToken, username, password, callbackUrl: `${BASE}/parks`, json: "true" }),
  });
  const session = cookiesOf(res).find((c) => c.startsWith("next-auth.session-token="));
  if (!session) throw new Error(`sign-in as ${username} failed (HTTP ${res.status})`);
  return [...jar, session].join("; ");
}

export async function timeBoardPage(o: Options): Promise<void> {
  const distDir = process.env.NEXT_DIST_DIR || ".next";
  if (!fs.existsSync(path.join(ROOT, distDir, "BUILD_ID"))) {
    console.log("\n(page timings skipped: no production build; run `npm run build` first)");
    return;
  }
  const server = spawn(path.join(ROOT, "node_modules/.bin/next"), ["start", "-p", String(PORT)], {
    cwd: ROOT,
    env: {
      ...process.env,
      NEXT_DIST_DIR: distDir,
      DATABASE_URL: o.databaseUrl,
      NEXTAUTH_URL: BASE,
      NEXTAUTH_SECRET: "bench-secret-that-is-long-enough-0123456789abcdef",
      NEXT_TELEMETRY_DISABLED: "1",
    },
    stdio: "ignore",
  });
  try {
    await waitForServer(Date.now() + 60_000);
    const cookie = await signIn(o.username, o.password);
    for (const p of o.paths) {
      const get = async () => {
        const res = await fetch(`${BASE}${p}`, { headers: { cookie } });
        if (res.status !== 200) throw new Error(`GET ${p}: HTTP ${res.status}`);
        await res.text();
      };
      for (let i = 0; i < o.warmup; i++) await get();
      const samples: number[] = [];
      for (let i = 0; i < o.runs; i++) {
        const t0 = performance.now();
        await get();
        samples.push(performance.now() - t0);
      }
      o.report(`GET ${p} (whole page, next start)`, samples);
    }
  } finally {
    server.kill("SIGTERM");
  }
}
