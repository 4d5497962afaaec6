// `npm run admin:create -- --username <name> [--name <显示名>]`: the first administrator of
// a production database (or another one later). The password comes from ADMIN_PASSWORD or,
// when that is unset and stdin is a terminal, from a hidden prompt. Prints one line.
//
// Database: DATABASE_URL when set; otherwise the embedded one of `npm start` (reached on
// its port while the app runs, started for the moment when it does not).
import { parseArgs } from "node:util";
import { ConfigError } from "./lib/config.mjs";
import { openDatabaseTarget } from "./lib/database-target";
import { bin, run } from "./lib/run.mjs";
import { getDb } from "../lib/db/client";
import { createAdministrator } from "../lib/server/users/create-administrator";
import { isAppError } from "../lib/server/errors";

/** Reads a line from the terminal without echoing it. */
function promptHidden(question: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const stdin = process.stdin;
    process.stderr.write(question);
    stdin.setRawMode(true);
    stdin.resume();
    stdin.setEncoding("utf8");
    let value = "";
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === "\r" || ch === "\n") {
          stdin.setRawMode(false);
          stdin.pause();
          stdin.off("data", onData);
          process.stderr.write("\n");
          resolve(value);
          return;
        }
        if (ch === "\u0003") {
          stdin.setRawMode(false);
          reject(new ConfigError("已取消 (cancelled)"));
          return;
        }
        if (ch === "\u007f" || ch === "\b") value = value.slice(0, -1);
        else value += ch;
      }
    };
    stdin.on("data", onData);
  });
}

async function readPassword(): Promise<string> {
  const fromEnv = process.env.ADMIN_PASSWORD;
  if (fromEnv) return fromEnv;
  if (!process.stdin.isTTY) throw new ConfigError("请用环境变量 ADMIN_PASSWORD 提供密码，或在终端中运行以输入密码 (set ADMIN_PASSWORD or run in a terminal)");
  const first = await promptHidden("管理员密码 (password): ");
  const second = await promptHidden("再次输入 (again): ");
  if (first !== second) throw new ConfigError("两次输入的密码不一致 (passwords differ)");
  return first;
}

async function main() {
  const { values } = parseArgs({ options: { username: { type: "string" }, name: { type: "string" } }, strict: true });
  if (!values.username) throw new ConfigError("请用 --username 指定用户名，例如 npm run admin:create -- --username zhangsan --name 张三 (--username is required)");
  const password = await readPassword();

  const target = await openDatabaseTarget();
  const url = target.url;
  try {
    const env = { ...process.env, DATABASE_URL: url, CHECKPOINT_DISABLE: "1" };
    await run(bin("prisma"), ["migrate", "deploy"], { env, quiet: true });
    process.env.DATABASE_URL = url;
    const user = await createAdministrator(getDb(), { username: values.username, name: values.name, password });
    console.log(`[admin:create] 已创建系统管理员 ${user.username}（${user.name}），请用此账号登录 (administrator ${user.username} created)`);
    await getDb().$disconnect();
  } finally {
    await target.release();
  }
}

main().catch((e: unknown) => {
  const message = e instanceof ConfigError || isAppError(e) ? e.message : `创建失败：${e instanceof Error ? e.message : String(e)}`;
  console.error(`[admin:create] ${message}`);
  process.exit(1);
});
