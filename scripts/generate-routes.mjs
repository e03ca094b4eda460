// Writes src/routeTree.gen.ts of each web app from its file routes, the same as the Vite plugin does
// during a build. `npm run check` runs it before tsc, because the generated trees are not committed.
//   node scripts/generate-routes.mjs [admin] [mini-app]     (default: both)
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { Generator, getConfig } from "@tanstack/router-generator";

const repo = fileURLToPath(new URL("..", import.meta.url));
const apps = process.argv.slice(2).length ? process.argv.slice(2) : ["admin", "mini-app"];
for (const name of apps) {
  const root = resolve(repo, "apps", name);
  const config = getConfig(
    {
      target: "react",
      routesDirectory: resolve(root, "src/routes"),
      generatedRouteTree: resolve(root, "src/routeTree.gen.ts"),
      quoteStyle: "double",
      autoCodeSplitting: true,
    },
    root,
  );
  await new Generator({ config, root }).run();
}
