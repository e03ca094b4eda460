#!/usr/bin/env node
// Plain JavaScript on purpose: this file must run on any Node to say clearly why an old one cannot run Lumen.
const [major, minor] = process.versions.node.split(".").map(Number);
if (major < 22 || (major === 22 && minor < 18)) {
  console.error(
    `Lumen needs Node.js 22.18 or newer (24 LTS recommended); this is ${process.version} at ${process.execPath}.\n` +
      "Run it through npm (npm start, npm test), which uses the Node 24 that `npm install` put in node_modules,\n" +
      "or install Node 24 LTS.",
  );
  process.exit(1);
}
await import("../src/main.ts");
