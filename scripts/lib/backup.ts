// A logical backup of the application's data that needs no pg_dump: the embedded
// PostgreSQL 18 ships none, and Debian's pg_dump 15 refuses an 18 server. The schema is the
// migrations' (prisma/migrations), so a backup is the list of applied migrations plus every
// table's rows as COPY text, all read in one REPEATABLE READ snapshot, gzip-compressed:
//
//   line 1          {"format":"park-pipeline-backup","version":1,"migrations":[…],"tables":[…],"sequences":[…]}
//   per table       @@table <name>  then its COPY text rows (one per line)
//   last line       @@end {"rows":{"<table>":n,…}}
//
// Restoring builds the schema with `prisma migrate deploy` on an empty database and loads
// the rows, then sets the sequences; the row counts are checked against the trailer. Works
// the same for the embedded database and for DATABASE_URL. pg-boss's own schema (job
// queue state) is not part of it: jobs are scheduled again when the worker starts.
import { once } from "node:events";
import fs from "node:fs";
import readline from "node:readline";
import { pipeline } from "node:stream/promises";
import type { Writable } from "node:stream";
import { createGunzip, createGzip } from "node:zlib";
import pg from "pg";
import { from as copyFrom, to as copyTo } from "pg-copy-streams";

export const BACKUP_FORMAT = "park-pipeline-backup";
const MIGRATIONS_TABLE = "_prisma_migrations";

export interface BackupHeader {
  format: typeof BACKUP_FORMAT;
  version: 1;
  createdAt: string;
  serverVersion: string;
  migrations: string[];
  tables: { name: string; columns: string[] }[];
  sequences: { name: string; lastValue: string | null }[];
}

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** The application's tables in the public schema (not the migrations' bookkeeping), in load order. */
async function listTables(client: pg.ClientBase): Promise<{ name: string; columns: string[] }[]> {
  const { rows } = await client.query<{ name: string; columns: string[] }>(
    `SELECT c.relname::text AS name, array_agg(a.attname::text ORDER BY a.attnum) AS columns
       FROM pg_class c
       JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'public'
       JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
      WHERE c.relkind = 'r' AND c.relname <> $1
      GROUP BY c.relname`,
    [MIGRATIONS_TABLE],
  );
  const { rows: fks } = await client.query<{ child: string; parent: string }>(
    `SELECT cl.relname::text AS child, pr.relname::text AS parent
       FROM pg_constraint k
       JOIN pg_class cl ON cl.oid = k.conrelid
       JOIN pg_class pr ON pr.oid = k.confrelid
       JOIN pg_namespace n ON n.oid = cl.relnamespace AND n.nspname = 'public'
      WHERE k.contype = 'f' AND k.conrelid <> k.confrelid`,
  );
  // Parents before children, so the rows load with the foreign keys checked as usual.
  const byName = new Map(rows.map((r) => [r.name, r]));
  const ordered: { name: string; columns: string[] }[] = [];
  const state = new Map<string, "visiting" | "done">();
  const visit = (name: string) => {
    if (state.get(name) === "done" || state.get(name) === "visiting") return;
    state.set(name, "visiting");
    for (const fk of fks) if (fk.child === name && byName.has(fk.parent)) visit(fk.parent);
    state.set(name, "done");
    ordered.push(byName.get(name)!);
  };
  for (const name of [...byName.keys()].sort()) visit(name);
  return ordered;
}

async function primaryKeyColumns(client: pg.ClientBase, table: string): Promise<string[]> {
  const { rows } = await client.query<{ col: string }>(
    `SELECT a.attname::text AS col FROM pg_index i
       JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey)
      WHERE i.indrelid = $1::regclass AND i.indisprimary ORDER BY array_position(i.indkey, a.attnum)`,
    [ident(table)],
  );
  return rows.map((r) => r.col);
}

/** Writes a backup of `url`'s data to `file`; returns the row count per table. */
export async function writeBackup(url: string, file: string): Promise<{ header: BackupHeader; rows: Record<string, number> }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const gzip = createGzip();
  const out = fs.createWriteStream(file, { flags: "wx" }); // never overwrite a backup
  const done = pipeline(gzip, out);
  const write = async (text: string) => {
    if (!gzip.write(text)) await once(gzip, "drain");
  };
  const rows: Record<string, number> = {};
  try {
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    const migrations = (
      await client.query<{ migration_name: string }>(
        `SELECT migration_name FROM ${ident(MIGRATIONS_TABLE)} WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`,
      )
    ).rows.map((r) => r.migration_name);
    const tables = await listTables(client);
    const sequences = (
      await client.query<{ name: string; last_value: string | null }>(`SELECT sequencename AS name, last_value::text FROM pg_sequences WHERE schemaname = 'public' ORDER BY 1`)
    ).rows.map((r) => ({ name: r.name, lastValue: r.last_value }));
    const serverVersion = (await client.query<{ v: string }>("SHOW server_version")).rows[0].v;
    const header: BackupHeader = { format: BACKUP_FORMAT, version: 1, createdAt: new Date().toISOString(), serverVersion, migrations, tables, sequences };
    await write(`${JSON.stringify(header)}\n`);
    for (const t of tables) {
      await write(`@@table ${t.name}\n`);
      const pk = await primaryKeyColumns(client, t.name);
      const cols = t.columns.map(ident).join(", ");
      const order = pk.length > 0 ? ` ORDER BY ${pk.map(ident).join(", ")}` : "";
      const source = client.query(copyTo(`COPY (SELECT ${cols} FROM ${ident(t.name)}${order}) TO STDOUT`));
      let count = 0;
      for await (const chunk of source as AsyncIterable<Buffer>) {
        for (const byte of chunk) if (byte === 10) count++;
        if (!gzip.write(chunk)) await once(gzip, "drain");
      }
      rows[t.name] = count;
    }
    await client.query("COMMIT");
    await write(`@@end ${JSON.stringify({ rows })}\n`);
    gzip.end();
    await done;
    return { header, rows };
  } catch (e) {
    gzip.destroy();
    await done.catch(() => {});
    fs.rmSync(file, { force: true }); // no half-written backup that looks whole
    throw e;
  } finally {
    await client.end().catch(() => {});
  }
}

/** Reads a backup's header without loading it. */
export async function readBackupHeader(file: string): Promise<BackupHeader> {
  const lines = readline.createInterface({ input: fs.createReadStream(file).pipe(createGunzip()), crlfDelay: Infinity });
  for await (const line of lines) {
    lines.close();
    const header = JSON.parse(line) as BackupHeader;
    if (header.format !== BACKUP_FORMAT || header.version !== 1) throw new Error("不是本系统的备份文件 (not a park-pipeline backup)");
    return header;
  }
  throw new Error("备份文件为空 (empty backup file)");
}

/**
 * Reads a whole backup and checks it is complete (the trailer is there and every table has
 * the rows it names) before anything is changed: a damaged file is refused up front.
 */
export async function verifyBackup(file: string): Promise<BackupHeader> {
  const header = await readBackupHeader(file);
  const lines = readline.createInterface({ input: fs.createReadStream(file).pipe(createGunzip()), crlfDelay: Infinity });
  const seen: Record<string, number> = {};
  let current: string | null = null;
  let trailer: { rows: Record<string, number> } | null = null;
  let first = true;
  for await (const line of lines) {
    if (first) {
      first = false;
      continue;
    }
    if (trailer) throw new Error("备份文件损坏：结尾标记之后还有内容");
    if (line.startsWith("@@table ")) {
      current = line.slice("@@table ".length);
      if (!header.tables.some((t) => t.name === current)) throw new Error(`备份文件损坏：未知的表 ${current}`);
      seen[current] = 0;
    } else if (line.startsWith("@@end ")) {
      trailer = JSON.parse(line.slice("@@end ".length));
    } else if (current === null) {
      throw new Error("备份文件损坏：表之外的数据行");
    } else {
      seen[current]++;
    }
  }
  if (!trailer) throw new Error("备份文件不完整（缺少结尾标记），未做任何改动 (truncated backup: nothing changed)");
  for (const t of header.tables) {
    if ((seen[t.name] ?? 0) !== trailer.rows[t.name]) throw new Error(`备份文件损坏：表 ${t.name} 应有 ${trailer.rows[t.name]} 行，读到 ${seen[t.name] ?? 0} 行`);
  }
  return header;
}

/** Tables of the public schema that hold rows (an empty database has none). */
export async function databaseHasData(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND c.relkind = 'r' AND c.relname <> $1`,
      [MIGRATIONS_TABLE],
    );
    return rows[0].n > 0;
  } finally {
    await client.end();
  }
}

/**
 * Loads a backup into `url`, whose schema `prisma migrate deploy` has just built from the
 * same migrations and which holds no rows yet. One transaction: all or nothing.
 */
export async function loadBackup(url: string, file: string): Promise<Record<string, number>> {
  const header = await readBackupHeader(file);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const applied = (
      await client.query<{ migration_name: string }>(
        `SELECT migration_name FROM ${ident(MIGRATIONS_TABLE)} WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`,
      )
    ).rows.map((r) => r.migration_name);
    if (JSON.stringify(applied) !== JSON.stringify(header.migrations)) {
      const missing = header.migrations.filter((m) => !applied.includes(m));
      const extra = applied.filter((m) => !header.migrations.includes(m));
      throw new Error(
        `备份与本版本的数据库结构不一致（备份缺少迁移 ${extra.join("、") || "无"}；本版本缺少迁移 ${missing.join("、") || "无"}）：请用生成备份的同一版本恢复，再升级 (restore with the version that wrote the backup, then upgrade)`,
      );
    }
    await client.query("BEGIN");
    // The rows go back exactly as they were, derived ones included (the figures rollup): the
    // app's own triggers, which would derive rows again from each COPY, stay off until the
    // end of the transaction.
    for (const t of header.tables) await client.query(`ALTER TABLE ${ident(t.name)} DISABLE TRIGGER USER`);
    // Some tables refer to each other (a meeting's agenda item carries a task of an earlier
    // meeting; the task belongs to a decision on an item), so no table order satisfies every
    // foreign key row by row: the keys are checked once, after every row is in, then put back
    // as they were (NOT DEFERRABLE), all inside this transaction.
    const { rows: foreignKeys } = await client.query<{ tbl: string; con: string }>(
      `SELECT cl.relname::text AS tbl, k.conname::text AS con FROM pg_constraint k
         JOIN pg_class cl ON cl.oid = k.conrelid JOIN pg_namespace n ON n.oid = cl.relnamespace AND n.nspname = 'public'
        WHERE k.contype = 'f' AND NOT k.condeferrable`,
    );
    for (const k of foreignKeys) await client.query(`ALTER TABLE ${ident(k.tbl)} ALTER CONSTRAINT ${ident(k.con)} DEFERRABLE INITIALLY IMMEDIATE`);
    await client.query("SET CONSTRAINTS ALL DEFERRED");
    const lines = readline.createInterface({ input: fs.createReadStream(file).pipe(createGunzip()), crlfDelay: Infinity });
    let copy: Writable | null = null;
    let copyDone: Promise<void> | null = null;
    let trailer: { rows: Record<string, number> } | null = null;
    const loaded: Record<string, number> = {};
    let current = "";
    const finishCopy = async () => {
      if (!copy) return;
      copy.end();
      await copyDone;
      copy = null;
    };
    let first = true;
    for await (const line of lines) {
      if (first) {
        first = false;
        continue; // the header, read above
      }
      if (line.startsWith("@@table ")) {
        await finishCopy();
        current = line.slice("@@table ".length);
        const table = header.tables.find((t) => t.name === current);
        if (!table) throw new Error(`备份文件损坏：未知的表 ${current}`);
        loaded[current] = 0;
        const stream = client.query(copyFrom(`COPY ${ident(current)} (${table.columns.map(ident).join(", ")}) FROM STDIN`));
        copy = stream;
        copyDone = new Promise<void>((resolve, reject) => {
          stream.on("finish", () => resolve());
          stream.on("error", reject);
        });
        continue;
      }
      if (line.startsWith("@@end ")) {
        await finishCopy();
        trailer = JSON.parse(line.slice("@@end ".length));
        continue;
      }
      if (!copy) throw new Error("备份文件损坏：表之外的数据行");
      const writable: Writable = copy;
      if (!writable.write(`${line}\n`)) await once(writable, "drain");
      loaded[current]++;
    }
    if (!trailer) throw new Error("备份文件不完整（缺少结尾标记），未恢复任何数据 (truncated backup: nothing restored)");
    for (const [table, n] of Object.entries(trailer.rows)) {
      if (loaded[table] !== n) throw new Error(`备份文件损坏：表 ${table} 应有 ${n} 行，读到 ${loaded[table] ?? 0} 行`);
    }
    for (const s of header.sequences) {
      await client.query(`SELECT setval($1::regclass, $2::bigint, $3)`, [ident(s.name), s.lastValue ?? "1", s.lastValue !== null]);
    }
    await client.query("SET CONSTRAINTS ALL IMMEDIATE");
    for (const k of foreignKeys) await client.query(`ALTER TABLE ${ident(k.tbl)} ALTER CONSTRAINT ${ident(k.con)} NOT DEFERRABLE`);
    for (const t of header.tables) await client.query(`ALTER TABLE ${ident(t.name)} ENABLE TRIGGER USER`);
    await client.query("COMMIT");
    return loaded;
  } catch (e) {
    await client.query("ROLLBACK").catch(() => {});
    throw e;
  } finally {
    await client.end().catch(() => {});
  }
}

/** Row counts of every application table, for checking a restore. */
export async function countRows(url: string): Promise<Record<string, number>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const out: Record<string, number> = {};
    for (const t of await listTables(client)) {
      out[t.name] = (await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${ident(t.name)}`)).rows[0].n;
    }
    return out;
  } finally {
    await client.end();
  }
}
