// Node 22 LTS is the project's runtime (Node 20 reached end of life in April 2026; pg-boss
// needs >= 22.12). Debian's packages carry no Node 22, the npm registry does: on an older
// node, `npm start` and `npm test` install the `node-linux-<arch>` package into
// .data/node (git-ignored) once and run themselves again on it, with its bin/ first on
// PATH so every child (next, prisma, vitest, playwright) runs on it too.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { ROOT } from "./run.mjs";

export const NODE_VERSION = "22.23.3";
const MIN_MAJOR = 22;

function packageName() {
  const arch = { x64: "x64", arm64: "arm64" }[process.arch];
  if (process.platform !== "linux" || !arch) return null;
  return `node-linux-${arch}`;
}

/**
 * Resolves when this process already runs on Node >= 22; otherwise runs the same script on
 * Node 22 (installing it from the npm registry the first time), never resolves, and exits
 * with the child's code. Ctrl-C reaches the child from the terminal; SIGTERM is passed on.
 */
export async function ensureNode22() {
  const major = Number(process.versions.node.split(".")[0]);
  if (major >= MIN_MAJOR) return;
  const pkg = packageName();
  if (!pkg) {
    console.error(`需要 Node.js ${MIN_MAJOR}（当前 ${process.version}）：请安装 Node.js ${MIN_MAJOR} LTS 后重试 · Node.js ${MIN_MAJOR} LTS is required`);
    process.exit(1);
  }
  const prefix = path.join(ROOT, ".data", "node", NODE_VERSION);
  const binDir = path.join(prefix, "node_modules", pkg, "bin");
  const node = path.join(binDir, "node");
  if (!fs.existsSync(node)) {
    console.log(`[node] 当前 Node ${process.version} 已停止维护；从 npm 仓库安装 Node ${NODE_VERSION} 到 .data/node（仅首次）`);
    fs.mkdirSync(prefix, { recursive: true });
    const npm = spawnSync("npm", ["install", "--prefix", prefix, "--no-save", "--no-audit", "--no-fund", "--no-package-lock", `${pkg}@${NODE_VERSION}`], {
      stdio: "inherit",
    });
    if (npm.status !== 0 || !fs.existsSync(node)) {
      console.error(`无法安装 Node ${NODE_VERSION}（npm install ${pkg}@${NODE_VERSION} 失败）：请手动安装 Node.js ${MIN_MAJOR} LTS`);
      process.exit(1);
    }
  }
  const env = { ...process.env, PATH: `${binDir}${path.delimiter}${process.env.PATH ?? ""}` };
  const child = spawn(node, process.argv.slice(1), { stdio: "inherit", env });
  process.on("SIGINT", () => {}); // the terminal sends it to the child as well; let it stop in order
  process.on("SIGTERM", () => child.kill("SIGTERM"));
  child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
  await new Promise(() => {});
}
