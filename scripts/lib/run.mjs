import { spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

export function bin(name) {
  return path.join(ROOT, "node_modules", ".bin", name);
}

/**
 * What every child gets: no tool phones home (the Prisma CLI's "checkpoint" request, Next's
 * telemetry); the app runs on an intranet.
 */
export const OFFLINE_ENV = { CHECKPOINT_DISABLE: "1", NEXT_TELEMETRY_DISABLED: "1" };

/** Runs a command to completion with inherited output; rejects with a one-line error on failure. */
export function run(command, args, { env = process.env, quiet = false } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: ROOT, env: { ...env, ...OFFLINE_ENV }, stdio: quiet ? ["ignore", "pipe", "pipe"] : "inherit" });
    let output = "";
    child.stdout?.on("data", (d) => (output += d));
    child.stderr?.on("data", (d) => (output += d));
    child.on("error", reject);
    child.on("exit", (code, signal) => {
      if (code === 0) resolve(output);
      else reject(new Error(`${path.basename(command)} ${args.join(" ")} 失败（${signal ?? `exit ${code}`}）${quiet ? `\n${output}` : ""}`));
    });
  });
}
