// PostgreSQL plumbing for the wasm schema engine: the driver adapter it runs
// its SQL through, the shadow database, and the database-level commands that
// the native binary implements outside of the engine (create/drop/can-connect).
import crypto from "node:crypto";
import pg from "pg";
import Result from "pg/lib/result";
import { PrismaPg } from "@prisma/adapter-pg";
import { ColumnTypeEnum, bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";

// @prisma/adapter-pg 7.10 has no column-type mapping for PostgreSQL's internal
// one-byte `"char"` type (oid 18): any query returning one fails with
// UnsupportedNativeDataType. The engine reads such columns from pg_catalog
// (pg_constraint.contype, pg_class.relkind, ...) and expects them as the
// driver-adapter type `Character` (like the native engine's `Char`), e.g.
// PostgreSQL 18 returns NOT NULL constraints there and the engine panics on
// anything else. So: relabel them as `text` for the adapter (the text value is
// the one character), remember which columns they were on the result's rows
// array (which adapter-pg passes through untouched), and fix the column types
// in the adapter's queryRaw result (see withCharColumns).
const PG_CHAR_OID = 18;
const PG_TEXT_OID = 25;
const CHAR_COLUMNS = Symbol("charColumns");
const originalAddFields = Result.prototype.addFields;
Result.prototype.addFields = function addFields(fieldDescriptions) {
  const charColumns = [];
  fieldDescriptions.forEach((field, index) => {
    if (field.dataTypeID !== PG_CHAR_OID) return;
    field.dataTypeID = PG_TEXT_OID;
    charColumns.push(index);
  });
  if (charColumns.length) this.rows[CHAR_COLUMNS] = charColumns;
  return originalAddFields.call(this, fieldDescriptions);
};

/**
 * Wraps an adapter (or transaction) so `"char"` columns come back as `Character`, and so a
 * migration script reaches PostgreSQL whole, as the native engine sends it: adapter-pg 7.10's
 * executeScript splits the script at every `;`, which breaks any function body (`$$ … ; … $$`,
 * e.g. the triggers of migration 20261206090000_figure_rollup). One simple-protocol query
 * runs the statements in order as one implicit transaction.
 */
function withCharColumns(queryable) {
  if (queryable.executeScript && queryable.underlyingDriver) {
    queryable.executeScript = async (script) => {
      try {
        await queryable.underlyingDriver().query(script);
      } catch (error) {
        queryable.onError(error);
      }
    };
  }
  const queryRaw = queryable.queryRaw.bind(queryable);
  queryable.queryRaw = async (query) => {
    const result = await queryRaw(query);
    for (const index of result.rows[CHAR_COLUMNS] ?? []) result.columnTypes[index] = ColumnTypeEnum.Character;
    return result;
  };
  if (queryable.startTransaction) {
    const startTransaction = queryable.startTransaction.bind(queryable);
    queryable.startTransaction = async (...args) => withCharColumns(await startTransaction(...args));
  }
  return queryable;
}

/** `url` with its database (path) replaced by `database`. */
export function withDatabase(url, database) {
  const u = new URL(url);
  u.pathname = `/${encodeURIComponent(database)}`;
  return u.toString();
}

/** The parts of a connection URL we need for messages and admin SQL. */
export function describeUrl(url) {
  const u = new URL(url);
  const user = decodeURIComponent(u.username) || process.env.PGUSER || process.env.USER || "postgres";
  return {
    database: decodeURIComponent(u.pathname.replace(/^\//, "")) || user,
    host: u.hostname || "localhost",
    port: u.port || "5432",
    user,
  };
}

const quoteIdent = (name) => `"${name.replaceAll('"', '""')}"`;

// Runs `fn` with a client connected to the first of `databases` (on the
// server of `url`) that accepts the connection. CREATE/DROP DATABASE need a
// connection to some database other than the one being created or dropped.
async function withServerClient(url, databases, fn) {
  let lastError;
  for (const database of databases) {
    let client;
    try {
      client = new pg.Client({ connectionString: withDatabase(url, database) });
      await client.connect();
    } catch (error) {
      lastError = error;
      continue;
    }
    try {
      return await fn(client);
    } finally {
      await client.end().catch(() => {});
    }
  }
  throw lastError;
}

const MAINTENANCE_DATABASES = ["postgres", "template1"];

// Prisma's `?schema=` URL parameter is not a pg option: pass it to the adapter.
function newPrismaPg(url) {
  const u = new URL(url);
  const schema = u.searchParams.get("schema") ?? undefined;
  u.searchParams.delete("schema");
  return new PrismaPg({ connectionString: u.toString() }, schema ? { schema } : undefined);
}

// Temporary shadow databases that still exist; dropped on exit as a fallback
// in case the engine never disposes the shadow connection.
const liveShadowDatabases = new Map(); // name -> url of the main database

/**
 * Builds the driver adapter factory handed to `SchemaEngine.new`.
 *
 * adapter-pg's own `connectToShadowDb` builds the shadow pool from
 * `{ connectionString, database }`, and pg lets the connection string win, so
 * the "shadow" database would silently be the main one. We therefore connect to
 * the configured shadowDatabaseUrl, or create `<db>_shadow_<random>` next to
 * the main database and drop it when the engine disposes the connection.
 */
export function createAdapterFactory({ url, shadowDatabaseUrl }) {
  const main = newPrismaPg(url);
  const factory = bindMigrationAwareSqlAdapterFactory({
    provider: main.provider,
    adapterName: main.adapterName,
    connect: async () => withCharColumns(await main.connect()),
    async connectToShadowDb() {
      if (shadowDatabaseUrl) {
        await resetConfiguredShadowDatabase(url, shadowDatabaseUrl);
        return withCharColumns(await newPrismaPg(shadowDatabaseUrl).connect());
      }

      const { database } = describeUrl(url);
      const name = `${database.slice(0, 40)}_shadow_${crypto.randomBytes(6).toString("hex")}`;
      await withServerClient(url, [database, ...MAINTENANCE_DATABASES], (c) =>
        c.query(`CREATE DATABASE ${quoteIdent(name)}`),
      );
      liveShadowDatabases.set(name, url);
      console.info(`Created temporary shadow database ${name}`);

      const adapter = await newPrismaPg(withDatabase(url, name)).connect();
      const dispose = adapter.dispose.bind(adapter);
      adapter.dispose = async () => {
        await dispose(); // closes the pool first, so the DROP is not blocked
        await dropShadowDatabase(name);
      };
      return withCharColumns(adapter);
    },
  });
  errorRegistries.push(factory.errorRegistry);
  return factory;
}

// Plain JS errors thrown inside the adapter (e.g. by our shadow database code)
// reach the engine only as "External error id#N"; the real error is kept in
// the bound factory's registry. Put its message back for the CLI.
const errorRegistries = [];
export function resolveExternalErrors(message) {
  return message.replace(/External error id#(\d+)/g, (text, id) => {
    for (const registry of errorRegistries) {
      const error = registry.consumeError(Number(id))?.error;
      if (error) return error.message ?? String(error);
    }
    return text;
  });
}

// The binary empties a configured shadow database before replaying migrations
// into it; the wasm engine assumes it gets an empty one. Same as the binary:
// drop every user schema, then recreate the one the URL points at.
async function resetConfiguredShadowDatabase(mainUrl, shadowUrl) {
  const main = describeUrl(mainUrl);
  const shadow = describeUrl(shadowUrl);
  if (main.host === shadow.host && main.port === shadow.port && main.database === shadow.database) {
    throw new Error("The shadow database you configured appears to be the same as the main database. Please specify another shadow database.");
  }
  const schema = new URL(shadowUrl).searchParams.get("schema") ?? "public";
  await withServerClient(shadowUrl, [shadow.database], async (c) => {
    const { rows } = await c.query(
      "SELECT nspname FROM pg_namespace WHERE nspname <> 'information_schema' AND nspname NOT LIKE 'pg\\_%'",
    );
    for (const { nspname } of rows) await c.query(`DROP SCHEMA ${quoteIdent(nspname)} CASCADE`);
    await c.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(schema)}`);
  });
  console.info(`Reset configured shadow database ${shadow.database}`);
}

async function dropShadowDatabase(name) {
  const url = liveShadowDatabases.get(name);
  if (!url) return;
  liveShadowDatabases.delete(name);
  const { database } = describeUrl(url);
  await withServerClient(url, [database, ...MAINTENANCE_DATABASES], (c) =>
    c.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`),
  );
  console.info(`Dropped temporary shadow database ${name}`);
}

/** Drops temporary shadow databases the engine did not clean up itself. */
export async function dropLeftoverShadowDatabases() {
  await Promise.allSettled([...liveShadowDatabases.keys()].map(dropShadowDatabase));
}

/**
 * A user-facing error in the same shape the native engine reports, so the CLI
 * can react to the code (e.g. P1003 makes `migrate dev` offer to create the DB).
 */
export class KnownError extends Error {
  constructor(code, message) {
    super(message);
    this.code = code;
  }
}

/** Maps a pg connection/DDL error to the Prisma error the native engine gives. */
export function toKnownError(error, url) {
  const { database, host, port, user } = describeUrl(url);
  switch (error?.code) {
    case "3D000":
      return new KnownError("P1003", `Database \`${database}\` does not exist on the database server at \`${host}:${port}\`.`);
    case "42P04":
      return new KnownError("P1009", `Database \`${database}\` already exists on the database server at \`${host}:${port}\``);
    case "28P01":
    case "28000":
      return new KnownError("P1000", `Authentication failed against database server at \`${host}\`, the provided database credentials for \`${user}\` are not valid.`);
    case "42501":
      return new KnownError("P1010", `User \`${user}\` was denied access on the database \`${database}\``);
    case "ECONNREFUSED":
    case "ENOTFOUND":
    case "EHOSTUNREACH":
    case "ETIMEDOUT":
    case "EAI_AGAIN":
      return new KnownError("P1001", `Can't reach database server at \`${host}:${port}\``);
    default:
      return error;
  }
}

/** `cli can-connect-to-database` */
export async function canConnect(url) {
  try {
    await withServerClient(url, [describeUrl(url).database], (c) => c.query("SELECT 1"));
  } catch (error) {
    throw toKnownError(error, url);
  }
}

/** `cli create-database` and the `createDatabase` RPC method. */
export async function createDatabase(url) {
  const { database } = describeUrl(url);
  try {
    await withServerClient(url, MAINTENANCE_DATABASES, (c) => c.query(`CREATE DATABASE ${quoteIdent(database)}`));
  } catch (error) {
    throw toKnownError(error, url);
  }
  return database;
}

/** `cli drop-database` */
export async function dropDatabase(url) {
  const { database } = describeUrl(url);
  try {
    await withServerClient(url, MAINTENANCE_DATABASES, (c) => c.query(`DROP DATABASE ${quoteIdent(database)}`));
  } catch (error) {
    throw toKnownError(error, url);
  }
}
