// Builds the admin panel into apps/admin/dist; the work is in scripts/build-web.mjs, shared with the
// Mini App (see docs/adr/0002-admin-panel-built-at-install.md).
//   node apps/admin/scripts/build.mjs            build when dist is missing or older than its sources
//   node apps/admin/scripts/build.mjs --force    always build
import { buildWebApp } from "../../../scripts/build-web.mjs";

process.exit(
  buildWebApp("admin", { force: process.argv.includes("--force"), quiet: process.argv.includes("--quiet") }),
);
