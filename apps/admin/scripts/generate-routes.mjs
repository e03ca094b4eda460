// Writes src/routeTree.gen.ts from the file routes, the same as the Vite plugin does during a build.
// `npm run check` runs it before tsc, because the generated tree is not committed: every engineer adds
// routes in parallel, and a committed tree would conflict on every merge.
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { Generator, getConfig } from "@tanstack/router-generator";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
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
