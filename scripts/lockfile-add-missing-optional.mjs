// Adds lockfile entries for platform-specific optional packages the registry here does
// not serve (darwin/win32/android/freebsd/wasm builds of next, tailwind's oxide, ...).
//
// Why: `npm install` skips an optional dependency it cannot fetch and leaves it out of
// package-lock.json, and then `npm ci` rejects that same lockfile as out of sync
// ("Missing: @next/swc-darwin-arm64@ from lock file", npm/cli#9846). An entry with the
// version and its os/cpu is enough for `npm ci`: on linux-x64 it skips those packages
// without fetching them. Run after every `npm install` that changes the lockfile:
//   node scripts/lockfile-add-missing-optional.mjs
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const lockPath = path.join(root, "package-lock.json");
const lock = JSON.parse(fs.readFileSync(lockPath, "utf8"));

const OS = ["darwin", "win32", "linux", "android", "freebsd", "openbsd", "netbsd", "sunos", "aix", "openharmony"];
const CPU = [["arm64", "arm64"], ["x64", "x64"], ["ia32", "ia32"], ["gnueabihf", "arm"], ["arm-", "arm"], ["wasm32", "wasm32"], ["ppc64", "ppc64"], ["s390x", "s390x"], ["riscv64", "riscv64"], ["loong64", "loong64"]];

function platformOf(name) {
  const base = name.split("/").pop();
  const entry = {};
  const os = OS.find((o) => base.includes(`-${o}`) || base.startsWith(o));
  if (os) entry.os = [os];
  const cpu = CPU.find(([k]) => base.includes(k));
  if (cpu) entry.cpu = [cpu[1]];
  if (base.includes("musl")) entry.libc = ["musl"];
  else if (base.includes("gnu") && entry.os?.[0] === "linux") entry.libc = ["glibc"];
  return entry;
}

let added = 0;
for (const [key, pkg] of Object.entries(lock.packages)) {
  for (const [dep, version] of Object.entries(pkg.optionalDependencies ?? {})) {
    const candidates = [`${key ? `${key}/` : ""}node_modules/${dep}`, `node_modules/${dep}`];
    if (candidates.some((c) => lock.packages[c])) continue;
    const platform = platformOf(dep);
    if (!platform.os && !platform.cpu) continue; // not a platform build: leave it to npm
    lock.packages[`node_modules/${dep}`] = { version, ...platform, optional: true, ...(pkg.dev ? { dev: true } : {}) };
    console.log(`added ${dep}@${version} ${JSON.stringify(platform)}`);
    added++;
  }
}
const sorted = Object.fromEntries(Object.entries(lock.packages).sort(([a], [b]) => (a === "" ? -1 : b === "" ? 1 : a.localeCompare(b))));
lock.packages = sorted;
fs.writeFileSync(lockPath, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`${added} entries added`);
