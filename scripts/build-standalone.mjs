// `npm run build:standalone`: a release folder that runs on a server without node_modules,
// devDependencies or network (docs/deployment.md):
//
//   <dist>/standalone/
//     server.js              the web server (Next's standalone output: `node server.js`)
//     worker.mjs             the job worker, one bundled file (`node worker.mjs`)
//     <dist>/static/, public/  copied in, as Next's standalone output expects them
//     prisma/, prisma.config.ts, node_modules/prisma …   `prisma migrate deploy` for upgrades
//
// <dist> is .next (or NEXT_DIST_DIR). `npm start` keeps building the usual output for `next start`.
import fs from "node:fs";
import path from "node:path";
import { build } from "esbuild";
import { ROOT, bin, run } from "./lib/run.mjs";
import { ensureNode22 } from "./lib/node-runtime.mjs";

await ensureNode22();

const DIST = process.env.NEXT_DIST_DIR || ".next";
const OUT = path.join(ROOT, DIST, "standalone");
const log = (msg) => console.log(`[standalone] ${msg}`);

/** What `prisma migrate deploy` needs: the CLI, the offline WebAssembly schema engine and its driver. */
const MIGRATE_PACKAGES = ["prisma", "@prisma/schema-engine-wasm", "@prisma/adapter-pg", "@prisma/driver-adapter-utils", "pg"];

/** The installed folder of `name` as Node would resolve it from `fromDir`. */
function packageDir(name, fromDir) {
  for (let dir = fromDir; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, "node_modules", name);
    if (fs.existsSync(path.join(candidate, "package.json"))) return candidate;
    if (dir === ROOT || dir === path.dirname(dir)) return null;
  }
}

/** Copies `names` and everything they depend on into OUT/node_modules, at the same relative paths. */
function copyPackageClosure(names) {
  const seen = new Set();
  const queue = names.map((name) => ({ name, from: ROOT, required: true }));
  while (queue.length > 0) {
    const { name, from, required } = queue.shift();
    const dir = packageDir(name, from);
    if (!dir) {
      if (required) throw new Error(`${name} is not installed (run npm ci)`);
      continue; // an optional or peer dependency this platform or install does not have
    }
    if (seen.has(dir)) continue;
    seen.add(dir);
    fs.cpSync(dir, path.join(OUT, path.relative(ROOT, dir)), { recursive: true, dereference: true });
    const pkg = JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8"));
    for (const dep of Object.keys(pkg.dependencies ?? {})) queue.push({ name: dep, from: dir, required: true });
    // Peer dependencies (typescript, react for Prisma Studio) are not needed to migrate.
    for (const dep of Object.keys(pkg.optionalDependencies ?? {})) queue.push({ name: dep, from: dir, required: false });
  }
  return seen.size;
}

log(`next build（output: standalone，目录 ${DIST}）`);
await run(bin("next"), ["build"], { env: { ...process.env, NEXT_OUTPUT: "standalone" } });
if (!fs.existsSync(path.join(OUT, "server.js"))) throw new Error(`${OUT}/server.js is missing: was output: "standalone" applied?`);

log("复制 public/ 与静态文件");
fs.cpSync(path.join(ROOT, "public"), path.join(OUT, "public"), { recursive: true });
fs.cpSync(path.join(ROOT, DIST, "static"), path.join(OUT, DIST, "static"), { recursive: true });

log("打包任务进程 worker.mjs");
await build({
  entryPoints: [path.join(ROOT, "scripts/worker.ts")],
  outfile: path.join(OUT, "worker.mjs"),
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node22",
  // lib/server imports "server-only", whose react-server export is empty (as with tsx).
  conditions: ["react-server"],
  tsconfig: path.join(ROOT, "tsconfig.json"),
  // pg's optional native binding is never installed.
  external: ["pg-native"],
  // Bundled CommonJS packages still call require().
  banner: { js: 'import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);' },
  logLevel: "warning",
});

log("复制迁移与 prisma 命令行（prisma migrate deploy）");
fs.cpSync(path.join(ROOT, "prisma", "migrations"), path.join(OUT, "prisma", "migrations"), { recursive: true });
fs.cpSync(path.join(ROOT, "prisma", "engine"), path.join(OUT, "prisma", "engine"), { recursive: true });
fs.copyFileSync(path.join(ROOT, "prisma", "schema.prisma"), path.join(OUT, "prisma", "schema.prisma"));
fs.copyFileSync(path.join(ROOT, "prisma.config.ts"), path.join(OUT, "prisma.config.ts"));
const copied = copyPackageClosure(MIGRATE_PACKAGES);

log(`完成：${path.relative(ROOT, OUT)}（${copied} 个迁移用的包）。部署步骤见 docs/deployment.md`);
