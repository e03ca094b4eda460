// Writes apps/admin/src/routeTree.gen.ts; the work is in scripts/generate-routes.mjs, shared with the Mini App.
process.argv.splice(2, Number.POSITIVE_INFINITY, "admin");
await import("../../../scripts/generate-routes.mjs");
