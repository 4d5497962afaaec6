// Start-up configuration checks: wrong or missing settings stop the start with one
// line that says what to fix, never a stack trace.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";

export class ConfigError extends Error {}

/** postgresql://user:***@host:port/db — for messages, never the password. */
export function maskUrl(url) {
  try {
    const u = new URL(url);
    if (u.password) u.password = "***";
    return u.toString();
  } catch {
    return "(无法解析)";
  }
}

/** Throws ConfigError unless `url` is a PostgreSQL URL naming a host and a database. */
export function checkDatabaseUrl(url) {
  let u;
  try {
    u = new URL(url);
  } catch {
    throw new ConfigError(`DATABASE_URL 不是有效的地址，应形如 postgresql://用户:密码@主机:5432/数据库 (DATABASE_URL is not a valid URL)`);
  }
  if (u.protocol !== "postgresql:" && u.protocol !== "postgres:") {
    throw new ConfigError(`DATABASE_URL 须以 postgresql:// 开头，当前为 ${u.protocol}// (DATABASE_URL must be a PostgreSQL URL)`);
  }
  if (!u.hostname || u.pathname.length <= 1) {
    throw new ConfigError(`DATABASE_URL 须包含主机和数据库名：${maskUrl(url)} (DATABASE_URL needs a host and a database name)`);
  }
}

/** Throws ConfigError unless the server at `url` answers within a few seconds. */
export async function checkDatabaseReachable(url) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
  } catch (e) {
    const reason = e instanceof Error ? e.message.split("\n")[0] : String(e);
    throw new ConfigError(`无法连接数据库 ${maskUrl(url)}：${reason || "连接被拒绝"} (cannot connect to DATABASE_URL)`);
  } finally {
    await client.end().catch(() => {});
  }
}

/**
 * The next-auth secret. Against an operator's database it must be configured; the
 * embedded demo database keeps a generated one in its data folder.
 */
export function resolveAuthSecret({ embedded, dataDir, dev }) {
  const configured = process.env.NEXTAUTH_SECRET;
  if (configured) {
    if (configured.length < 32) throw new ConfigError("NEXTAUTH_SECRET 太短：至少 32 个字符，可用 openssl rand -base64 32 生成 (NEXTAUTH_SECRET must be at least 32 characters)");
    return configured;
  }
  if (!embedded && !dev) {
    throw new ConfigError("缺少 NEXTAUTH_SECRET：连接正式数据库时必须设置一个随机密钥，可用 openssl rand -base64 32 生成 (NEXTAUTH_SECRET is required in production)");
  }
  const file = path.join(dataDir, "auth-secret");
  if (!fs.existsSync(file)) {
    fs.mkdirSync(dataDir, { recursive: true });
    fs.writeFileSync(file, crypto.randomBytes(32).toString("base64"), { mode: 0o600 });
  }
  return fs.readFileSync(file, "utf8").trim();
}

/** A port number from the environment, or the default. */
export function resolvePort(value, fallback, name) {
  if (value === undefined || value === "") return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 65535) throw new ConfigError(`${name} 须为 1-65535 之间的整数，当前为 "${value}" (${name} must be a port number)`);
  return n;
}
