// Builds the admin panel into apps/admin/dist (see docs/adr/0002-admin-panel-build-at-install.md).
//   node apps/admin/scripts/build.mjs            build when dist is missing or older than its sources
//   node apps/admin/scripts/build.mjs --force    always build (npm run build:web)
// Plain JavaScript on purpose: it runs from npm's postinstall and before `npm start`.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const app = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const repo = resolve(app, "../..");
const force = process.argv.includes("--force");
const quiet = process.argv.includes("--quiet");
const log = (msg) => quiet || console.log(`[admin] ${msg}`);

const sources = [
  join(app, "src"),
  join(app, "index.html"),
  join(app, "vite.config.ts"),
  join(app, "package.json"),
  join(repo, "packages/ui/src"),
  join(repo, "packages/contracts/src"),
];
const output = join(app, "dist/index.html");

function newest(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let max = 0;
  for (const entry of readdirSync(path)) {
    if (entry === "routeTree.gen.ts") continue;
    max = Math.max(max, newest(join(path, entry)));
  }
  return max;
}

const isStale = () => !existsSync(output) || Math.max(...sources.map(newest)) > statSync(output).mtimeMs;

if (!existsSync(join(app, "src"))) {
  // The Docker image installs dependencies before copying the source; it builds in a later step.
  log("no sources here yet; skipping the build");
  process.exit(0);
}
const vite = join(repo, "node_modules/vite/bin/vite.js");
if (!existsSync(vite)) {
  console.error("[admin] vite is not installed: run `npm install` first");
  process.exit(1);
}

// One build at a time: parallel test files or a start during an install wait for the running one.
const lock = join(app, ".build.lock");
const started = Date.now();
for (;;) {
  try {
    mkdirSync(lock);
    break;
  } catch (error) {
    if (error.code !== "EEXIST") throw error;
    if (Date.now() - statSync(lock).mtimeMs > 5 * 60_000) {
      rmSync(lock, { recursive: true, force: true });
      continue;
    }
    if (Date.now() - started > 5 * 60_000) {
      console.error("[admin] another build holds apps/admin/.build.lock for too long");
      process.exit(1);
    }
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 250);
  }
}
let status = 0;
try {
  if (force || isStale()) {
    log("building the admin panel (vite build)...");
    const result = spawnSync(process.execPath, [vite, "build", "--logLevel", quiet ? "warn" : "info"], {
      cwd: app,
      stdio: "inherit",
    });
    status = result.status ?? 1;
    if (status === 0) log("built into apps/admin/dist");
  } else {
    log("up to date");
  }
} finally {
  rmSync(lock, { recursive: true, force: true });
}
process.exit(status);
