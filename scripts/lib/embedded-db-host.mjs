// The embedded PostgreSQL's own small process. scripts/start.mjs starts this file detached
// (its own process group, so the terminal's Ctrl-C never reaches PostgreSQL directly) with an
// IPC channel, and stops the database through it after the web server and the job worker:
//   parent → { type: "stop" }                      fast shutdown (SIGINT to postgres), then exit 0
//   parent gone (IPC disconnect, start.mjs killed)  the same
//   this → { type: "ready", url, adminUrl } | { type: "failed", message }
import { startEmbeddedDatabase } from "./embedded-db.mjs";

const options = JSON.parse(process.argv[2] ?? "{}");
const log = (msg) => console.log(`[start] ${msg}`);

let stopping = null;
const starting = startEmbeddedDatabase({ ...options, log });

function stop() {
  stopping ??= (async () => {
    // Asked to stop while still starting: let the start finish, so no postgres is left behind.
    const database = await starting.catch(() => null);
    if (database) await database.stop().catch((e) => log(`内置数据库停止出错：${e instanceof Error ? e.message : e}`));
    if (process.connected) process.disconnect();
    process.exit(0);
  })();
  return stopping;
}

process.on("message", (m) => {
  if (m && m.type === "stop") void stop();
});
process.on("disconnect", () => void stop());
// Only an operator's kill reaches this group; it stops the database the same way.
process.on("SIGTERM", () => void stop());
process.on("SIGINT", () => void stop());

try {
  const database = await starting;
  if (!stopping && process.connected) process.send({ type: "ready", url: database.url, adminUrl: database.adminUrl });
} catch (e) {
  const message = e instanceof Error ? e.message : String(e);
  if (process.connected) process.send({ type: "failed", message }, () => process.exit(1));
  else process.exit(1);
}
