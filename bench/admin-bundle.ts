// The admin panel's initial JavaScript, gzipped: what a browser must download before the first page
// renders (the entry script plus every chunk index.html preloads). Route chunks load on navigation.
//   npm run bench:admin-bundle        (builds the panel first if it is missing or stale)
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

const LIMIT_KB = 250;
const root = fileURLToPath(new URL("..", import.meta.url));
const dist = join(root, "apps/admin/dist");

const build = spawnSync(process.execPath, [join(root, "apps/admin/scripts/build.mjs"), "--quiet"], {
  stdio: "inherit",
});
if (build.status !== 0) process.exit(build.status ?? 1);

const html = readFileSync(join(dist, "index.html"), "utf8");
const initial = new Set<string>();
for (const match of html.matchAll(/<script[^>]+src="\/admin\/([^"]+\.js)"/g)) initial.add(match[1] as string);
for (const match of html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="\/admin\/([^"]+\.js)"/g)) {
  initial.add(match[1] as string);
}
const css = [...html.matchAll(/<link[^>]+rel="stylesheet"[^>]+href="\/admin\/([^"]+\.css)"/g)].map(
  (m) => m[1] as string,
);

const gz = (file: string) => gzipSync(readFileSync(join(dist, file)), { level: 9 }).length / 1024;
const kb = (n: number) => `${n.toFixed(1)} KB`;

const initialJs = [...initial].map((file) => ({ file, gz: gz(file) }));
const initialTotal = initialJs.reduce((sum, f) => sum + f.gz, 0);
const allJs = readdirSync(join(dist, "assets")).filter((f) => f.endsWith(".js"));
const lazy = allJs.map((f) => `assets/${f}`).filter((f) => !initial.has(f));
const lazyGz = lazy.map((file) => ({ file, gz: gz(file) })).sort((a, b) => b.gz - a.gz);

console.log("Initial JavaScript (entry + preloaded chunks), gzip -9:");
for (const f of initialJs) console.log(`  ${f.file.padEnd(44)} ${kb(f.gz)}`);
console.log(`  ${"total".padEnd(44)} ${kb(initialTotal)}  (limit ${LIMIT_KB} KB)`);
console.log(`Initial CSS: ${css.map((f) => `${f} ${kb(gz(f))}`).join(", ")}`);
console.log(`Chunks loaded on navigation: ${lazy.length}, largest:`);
for (const f of lazyGz.slice(0, 8)) console.log(`  ${f.file.padEnd(44)} ${kb(f.gz)}`);
if (initialTotal > LIMIT_KB) {
  console.error(`Initial JS ${kb(initialTotal)} is over the ${LIMIT_KB} KB budget`);
  process.exit(1);
}
