// Builds Lumen's web apps (the admin panel, the Mini App store) into apps/<app>/dist
// (see docs/adr/0002-admin-panel-built-at-install.md).
//   node scripts/build-web.mjs                  build each app whose dist is missing or older than its sources
//   node scripts/build-web.mjs --force          always build (npm run build:web)
//   node scripts/build-web.mjs --app mini-app   only that app (repeatable)
// Plain JavaScript on purpose: it runs from npm's postinstall and before `npm start`.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const repo = resolve(dirname(fileURLToPath(import.meta.url)), "..");
/** Every web app the server serves; the order is the build order. */
export const webApps = ["admin", "mini-app"];

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

/** Takes `<app>/.build.lock`, so parallel callers (test files, a start during an install) wait for one build. */
function withLock(app, name, fn) {
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
        console.error(`[${name}] another build holds apps/${name}/.build.lock for too long`);
        return 1;
      }
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 250);
    }
  }
  try {
    return fn();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/** Builds one app when stale (or always with `force`); returns the exit status. */
export function buildWebApp(name, { force = false, quiet = false } = {}) {
  const app = join(repo, "apps", name);
  const log = (msg) => quiet || console.log(`[${name}] ${msg}`);
  if (!existsSync(join(app, "src"))) {
    // The Docker image installs dependencies before copying the source; it builds in a later step.
    log("no sources here yet; skipping the build");
    return 0;
  }
  const vite = join(repo, "node_modules/vite/bin/vite.js");
  if (!existsSync(vite)) {
    console.error(`[${name}] vite is not installed: run \`npm install\` first`);
    return 1;
  }
  const sources = [
    join(app, "src"),
    join(app, "public"),
    join(app, "index.html"),
    join(app, "vite.config.ts"),
    join(app, "pwa-build.ts"),
    join(app, "package.json"),
    join(repo, "packages/ui/src"),
    join(repo, "packages/contracts/src"),
  ];
  const output = join(app, "dist/index.html");
  const isStale = () => !existsSync(output) || Math.max(...sources.map(newest)) > statSync(output).mtimeMs;
  return withLock(app, name, () => {
    if (!force && !isStale()) {
      log("up to date");
      return 0;
    }
    log("building (vite build)...");
    const result = spawnSync(process.execPath, [vite, "build", "--logLevel", quiet ? "warn" : "info"], {
      cwd: app,
      stdio: "inherit",
      // A build started from a test run inherits NODE_ENV=test, which makes React's development build.
      env: { ...process.env, NODE_ENV: "production" },
    });
    const status = result.status ?? 1;
    if (status === 0) log(`built into apps/${name}/dist`);
    return status;
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const chosen = args.flatMap((arg, i) => (args[i - 1] === "--app" ? [arg] : []));
  const unknown = chosen.filter((name) => !webApps.includes(name));
  if (unknown.length) {
    console.error(`unknown web app: ${unknown.join(", ")} (known: ${webApps.join(", ")})`);
    process.exit(2);
  }
  const options = { force: args.includes("--force"), quiet: args.includes("--quiet") };
  let status = 0;
  for (const name of chosen.length ? chosen : webApps) status ||= buildWebApp(name, options);
  process.exit(status);
}
