// The database an operator's command works on: DATABASE_URL when set; otherwise the
// embedded one of `npm start` (reached on its port while the app runs, started for the
// moment when it does not). Used by admin:create, db:backup and db:restore.
import net from "node:net";
import path from "node:path";
import { checkDatabaseReachable, checkDatabaseUrl, resolvePort } from "./config.mjs";
import { startEmbeddedDatabase } from "./embedded-db.mjs";
import { ROOT } from "./run.mjs";

export const EMBEDDED_DB = "park_pipeline";

function portAnswers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: "127.0.0.1", port });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

export interface DatabaseTarget {
  url: string;
  embedded: boolean;
  /** Stops the embedded server if this command started it. */
  release: () => Promise<void>;
}

export async function openDatabaseTarget(): Promise<DatabaseTarget> {
  const url = process.env.DATABASE_URL;
  if (url) {
    checkDatabaseUrl(url);
    await checkDatabaseReachable(url);
    return { url, embedded: false, release: async () => {} };
  }
  const port = resolvePort(process.env.EMBEDDED_PG_PORT, 54329, "EMBEDDED_PG_PORT");
  if (await portAnswers(port)) return { url: `postgresql://postgres:postgres@127.0.0.1:${port}/${EMBEDDED_DB}`, embedded: true, release: async () => {} };
  const db = await startEmbeddedDatabase({ dir: path.join(ROOT, ".data", "postgres"), port, database: EMBEDDED_DB });
  return { url: db.url, embedded: true, release: db.stop };
}
