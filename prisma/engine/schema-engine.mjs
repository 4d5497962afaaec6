#!/usr/bin/env node
// Drop-in replacement for Prisma's native `schema-engine` binary, backed by the
// official WebAssembly build of the same engine (@prisma/schema-engine-wasm).
//
// Why: every Prisma CLI command first makes sure the native binary exists and
// downloads it from binaries.prisma.sh otherwise, which is unreachable here.
// prisma.config.ts points PRISMA_SCHEMA_ENGINE_BINARY at this file, so the CLI
// spawns it exactly like the binary and never tries a download.
// See docs/offline-prisma.md.
//
// The CLI runs the binary in two ways, and so do we:
//   ENGINE [--datamodels FILE]... [--datasource JSON]
//       newline-delimited JSON-RPC 2.0 on stdin/stdout, JSON log lines on stderr.
//   ENGINE --datasource JSON cli can-connect-to-database|create-database|drop-database
//       one-shot; the CLI reads the outcome from the exit code and the JSON
//       log lines on stderr (it skips the first line).
import fs from "node:fs";
import readline from "node:readline";
import util from "node:util";
import { loadSchemaEngineWasm, takePanicMessage } from "./wasm.mjs";
import {
  canConnect,
  createAdapterFactory,
  createDatabase,
  dropDatabase,
  dropLeftoverShadowDatabases,
  resolveExternalErrors,
  withDatabase,
} from "./postgres.mjs";

// ---------------------------------------------------------------------------
// Output discipline: stdout carries only JSON-RPC messages and stderr only JSON
// log lines (in `cli` mode the CLI JSON.parse()s every stderr line after the
// first and fails on anything else). So route console.* and Node warnings from
// any library into JSON log lines on stderr.
const writeStdout = process.stdout.write.bind(process.stdout);

function log(level, message, extra = {}, target = "schema_engine") {
  const line = { timestamp: new Date().toISOString(), level, fields: { message, ...extra }, target };
  process.stderr.write(`${JSON.stringify(line)}\n`);
}

for (const [name, level] of [["log", "INFO"], ["info", "INFO"], ["debug", "DEBUG"], ["warn", "WARN"], ["error", "ERROR"]]) {
  console[name] = (...args) => log(level, util.format(...args));
}
process.removeAllListeners("warning");
process.on("warning", (warning) => log("WARN", String(warning)));
// A crash is reported as an ERROR line, which the CLI shows as the reason.
// Wasm panics can also surface here (when the trap happens in a callback rather
// than in a method's promise); like the binary, exit with 101 then.
for (const event of ["uncaughtException", "unhandledRejection"]) {
  process.on(event, async (error) => {
    const panic = error instanceof WebAssembly.RuntimeError;
    const message = (panic && takePanicMessage()) || error?.stack || String(error);
    log("ERROR", message, {}, "schema_engine::logger");
    await dropLeftoverShadowDatabases().catch(() => {});
    process.exit(panic ? 101 : 1);
  });
}

// ---------------------------------------------------------------------------
// Arguments (same flags as the native binary; unknown ones are ignored).
function parseArgs(argv) {
  const args = { datamodels: [], datasource: undefined, cli: undefined };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--datamodels") args.datamodels.push(argv[++i]);
    else if (arg === "--datasource") args.datasource = JSON.parse(argv[++i]);
    else if (arg === "--enabled-preview-features" || arg === "--extension-types") i++;
    else if (arg === "--version" || arg === "-V") args.version = true;
    else if (arg === "--help" || arg === "-h") args.help = true;
    else if (arg === "cli") args.cli = argv[++i];
  }
  return args;
}

const args = parseArgs(process.argv.slice(2));

// ---------------------------------------------------------------------------
// `--version` / `--help`
if (args.version) {
  const wasm = await loadSchemaEngineWasm();
  writeStdout(`schema-engine-cli ${wasm.version()}\n`);
  process.exit(0);
}
if (args.help) {
  writeStdout(
    "schema-engine (wasm bridge)\n\n" +
      "Usage: schema-engine [--datamodels FILE]... [--datasource JSON]\n" +
      "       schema-engine --datasource JSON cli can-connect-to-database|create-database|drop-database\n",
  );
  process.exit(0);
}

// ---------------------------------------------------------------------------
// `cli ...` mode: database-level commands, done with pg directly (the wasm
// engine has no equivalent, and it needs an existing database to start).
if (args.cli) {
  log("INFO", "Starting schema engine CLI (wasm bridge)"); // the CLI skips this first line
  const commands = {
    "can-connect-to-database": canConnect,
    "create-database": createDatabase,
    "drop-database": dropDatabase,
  };
  const url = args.datasource?.url;
  try {
    if (!commands[args.cli]) throw new Error(`Unknown cli command: ${args.cli}`);
    if (!url) throw new Error("The `cli` commands need --datasource with a url.");
    await commands[args.cli](url);
    process.exit(0);
  } catch (error) {
    // The exact shape the CLI looks for: target schema_engine::logger, level
    // ERROR, fields.message + fields.error_code.
    log("ERROR", error.message, error.code ? { error_code: error.code } : {}, "schema_engine::logger");
    process.exit(1);
  }
}

// ---------------------------------------------------------------------------
// JSON-RPC mode.

// Methods the native binary and the wasm engine both expose with the same
// params/result, forwarded as-is.
const FORWARDED = new Set([
  "applyMigrations",
  "createMigration",
  "dbExecute",
  "debugPanic",
  "devDiagnostic",
  "diagnoseMigrationHistory",
  "ensureConnectionValidity",
  "evaluateDataLoss",
  "introspect",
  "introspectSql",
  "markMigrationApplied",
  "markMigrationRolledBack",
  "reset",
  "schemaPush",
]);

// One engine per main-database URL (normally just one). Created on first use.
const engines = new Map();
function getEngine(url = args.datasource?.url) {
  if (!engines.has(url)) {
    const engine = (async () => {
      if (!url) throw new Error("No datasource URL: set `datasource.url` in prisma.config.ts.");
      const { SchemaEngine } = await loadSchemaEngineWasm();
      // An empty list makes the engine panic; "no schema" must be `undefined`.
      const datamodels = args.datamodels.length
        ? args.datamodels.map((file) => [file, fs.readFileSync(file, "utf8")])
        : undefined;
      // The wasm engine logs JSON lines in the binary's format: pass them through.
      const onLog = (line) => process.stderr.write(line.endsWith("\n") ? line : `${line}\n`);
      const adapterFactory = createAdapterFactory({ url, shadowDatabaseUrl: args.datasource?.shadowDatabaseUrl });
      // This connects to the database, so connection errors surface on the
      // first request, as JSON-RPC errors, like with the binary.
      return SchemaEngine.new({ datamodels }, onLog, adapterFactory);
    })();
    engines.set(url, engine);
    engine.catch(() => engines.delete(url)); // allow a retry
  }
  return engines.get(url);
}

// `migrate diff` between migrations / schema files / empty never reads the
// configured database, but the wasm engine still has to connect somewhere
// (the binary would not). If the configured database does not exist (yet),
// run such diffs on an engine connected to the server's maintenance database.
async function getDiffEngine(params) {
  const readsDatasource = [params?.from, params?.to].some((t) => t?.tag === "schemaDatasource" || t?.tag === "url");
  try {
    return await getEngine();
  } catch (error) {
    if (readsDatasource || !args.datasource?.url) throw error;
    return getEngine(withDatabase(args.datasource.url, "postgres")).catch(() => {
      throw error;
    });
  }
}

// Requests *we* send to the CLI (only `print`), awaiting its response.
let nextOutgoingId = 1;
const pendingOutgoing = new Map();
let stdinClosed = false;
function callClient(method, params) {
  const id = `bridge-${nextOutgoingId++}`;
  return new Promise((resolve, reject) => {
    if (stdinClosed) return reject(new Error(`Cannot send ${method}: stdin is closed`));
    pendingOutgoing.set(id, { resolve, reject });
    writeStdout(`${JSON.stringify({ jsonrpc: "2.0", id, method, params })}\n`);
  });
}

async function dispatch(method, params) {
  if (method === "getDatabaseVersion") {
    // Named `version` in the wasm engine, which ignores the params (it can only
    // ask its own connection) and would choke on a partial object: pass none.
    return (await getEngine()).version(null);
  }
  if (method === "diff") {
    // The binary does not return the script: it asks the CLI to print it (a
    // `print` request on stdout) and returns only the exit code. The wasm
    // engine returns `{ exitCode, stdout }` instead, so translate.
    const { exitCode, stdout } = await (await getDiffEngine(params)).diff(params);
    if (stdout != null) await callClient("print", { content: stdout });
    return { exitCode };
  }
  if (method === "createDatabase") {
    const url = params?.datasource?.tag === "ConnectionString" ? params.datasource.url : args.datasource?.url;
    return { databaseName: await createDatabase(url) };
  }
  if (FORWARDED.has(method)) {
    const engine = await getEngine();
    try {
      return await engine[method](params);
    } catch (error) {
      if (!needsWarmMigrationCache(method, error)) throw error;
      // The wasm build computes "schema after all migrations" for these two
      // methods only from its in-memory cache; on a miss it has no shadow
      // database to replay them (the binary would create one). That happens in
      // `migrate dev` right after it applied pending migrations. Diagnosing the
      // history with the shadow database enabled fills the cache; then retry.
      await engine.diagnoseMigrationHistory({
        migrationsList: params.migrationsList,
        optInToShadowDatabase: true,
        filters: params.filters,
      });
      return engine[method](params);
    }
  }
  const error = new Error(`Method not found: ${method}`);
  error.rpcCode = -32601;
  throw error;
}

function needsWarmMigrationCache(method, error) {
  return (
    (method === "evaluateDataLoss" || method === "createMigration") &&
    /shadow DB must be provided through an external factory/.test(error?.message ?? "")
  );
}

// Errors go back the way the binary sends them: the CLI reads
// `data.is_panic`, `data.message` and, for known errors, `data.error_code`.
function toRpcError(error) {
  if (error instanceof WebAssembly.RuntimeError) {
    const message = takePanicMessage() ?? error.message;
    return { code: 4466, message, data: { is_panic: true, message, backtrace: error.stack ?? null } };
  }
  if (error?.rpcCode) return { code: error.rpcCode, message: error.message };
  const message = resolveExternalErrors(error?.message ?? String(error));
  const data = { is_panic: false, message, backtrace: null };
  if (typeof error?.code === "string" && /^P\d{4}$/.test(error.code)) {
    data.error_code = error.code;
    data.meta = error.meta ?? {};
  }
  return { code: 4466, message: "An error happened. Check the data field for details.", data };
}

let panicked = false;
async function handleRequest({ id, method, params }) {
  let response;
  try {
    const result = await dispatch(method, params);
    response = { jsonrpc: "2.0", id, result: result === undefined ? {} : result };
  } catch (error) {
    panicked ||= error instanceof WebAssembly.RuntimeError;
    response = { jsonrpc: "2.0", id, error: toRpcError(error) };
  }
  if (id !== undefined && id !== null) writeStdout(`${JSON.stringify(response)}\n`);
  // After a panic the wasm instance is unusable; the binary exits with 101.
  if (panicked) await shutdown(101);
}

// Requests run one at a time, in order (as with the binary), but the reader
// keeps going so responses to our own `print` requests get through meanwhile.
let queue = Promise.resolve();
function onLine(line) {
  if (!line.trim()) return;
  let message;
  try {
    message = JSON.parse(line);
  } catch {
    writeStdout(`${JSON.stringify({ jsonrpc: "2.0", id: null, error: { code: -32700, message: "Parse error" } })}\n`);
    return;
  }
  if (message.method === undefined && pendingOutgoing.has(message.id)) {
    const pending = pendingOutgoing.get(message.id);
    pendingOutgoing.delete(message.id);
    if (message.error) pending.reject(new Error(message.error.message ?? "client error"));
    else pending.resolve(message.result);
    return;
  }
  queue = queue.then(() => handleRequest(message));
}

let shuttingDown;
function shutdown(code = 0) {
  shuttingDown ??= (async () => {
    await dropLeftoverShadowDatabases();
    process.exit(code);
  })();
  return shuttingDown;
}

readline.createInterface({ input: process.stdin, crlfDelay: Infinity }).on("line", onLine).on("close", () => {
  // stdin closed: nobody will answer our own requests any more; finish the
  // requests already received, then exit cleanly.
  stdinClosed = true;
  for (const { reject } of pendingOutgoing.values()) reject(new Error("stdin closed"));
  pendingOutgoing.clear();
  queue.then(() => shutdown(0));
});
// The CLI ends stdin and then immediately sends SIGTERM.
for (const signal of ["SIGTERM", "SIGINT"]) process.on(signal, () => shutdown(0));
