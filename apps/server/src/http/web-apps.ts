import { existsSync } from "node:fs";
import { extname, join, normalize } from "node:path";
import { fileURLToPath } from "node:url";
import fastifyStatic from "@fastify/static";
import type { FastifyInstance, FastifyReply } from "fastify";

/**
 * A single-page app built by Vite into `dir`, served under `prefix` (e.g. "/admin"). `scopedFiles`
 * are also served one folder down (`<prefix>/<id>/<file>`), never cached: the store's service
 * worker, whose scope and relative URLs must be the bot's own `/app/<botId>/`.
 */
export type WebApp = { name: string; prefix: string; dir: string; scopedFiles?: string[] };

export const adminApp: WebApp = {
  name: "admin panel",
  prefix: "/admin",
  dir: fileURLToPath(new URL("../../../admin/dist", import.meta.url)),
};

/** The buyers' store, opened by Telegram at `/app/<botId>/` (the bot whose token signs the launch data). */
export const miniApp: WebApp = {
  name: "Mini App store",
  prefix: "/app",
  dir: fileURLToPath(new URL("../../../mini-app/dist", import.meta.url)),
  // The manifest is served per bot by routes/app/store-manifest.ts (it carries the bot's name).
  scopedFiles: ["sw.js"],
};

const YEAR_SECONDS = 365 * 24 * 60 * 60;
/** A missing file with one of these is a 404, not the app (a client route may contain dots, e.g. an email). */
const assetExtensions = new Set([
  ".js",
  ".css",
  ".map",
  ".png",
  ".jpg",
  ".svg",
  ".ico",
  ".woff2",
  ".json",
  ".txt",
  ".webmanifest",
]);
const scoped = /^[0-9a-f-]{36}\/([\w.-]+)$/i;

/**
 * Serves built web apps (the admin panel at /admin, the Mini App store at /app) from this server:
 * hashed files under `<prefix>/assets/` are cached for a year as immutable; `index.html` is never
 * cached, so a deploy is picked up at the next navigation; any other path under the prefix that
 * is not a file gets `index.html` (the SPA router takes it from there). Missing build → a 503 that
 * says which command builds it, instead of a blank page.
 */
export async function installWebApps(
  app: FastifyInstance,
  apps: WebApp[],
  options: { rootRedirect?: string } = {},
): Promise<void> {
  await app.register(fastifyStatic, { root: apps.map((a) => a.dir), serve: false, wildcard: false });

  if (options.rootRedirect) {
    const target = options.rootRedirect;
    app.get("/", { schema: { hide: true } }, (_request, reply) => reply.redirect(target));
  }

  for (const web of apps) {
    const sendIndex = (reply: FastifyReply) => {
      if (!existsSync(join(web.dir, "index.html"))) {
        return reply
          .status(503)
          .type("text/plain; charset=utf-8")
          .send(
            `The ${web.name} is not built. Run \`npm run build:web\` (or \`npm install\`), then reload.\n`,
          );
      }
      reply.header("cache-control", "no-cache");
      return reply.sendFile("index.html", web.dir, { cacheControl: false });
    };

    app.get(web.prefix, { schema: { hide: true } }, (_request, reply) => reply.redirect(`${web.prefix}/`));
    app.get(`${web.prefix}/*`, { schema: { hide: true } }, (request, reply) => {
      const rest = (request.params as { "*": string })["*"] ?? "";
      const file = normalize(rest).replace(/^(\.\.(\/|\\|$))+/, "");
      const inScope = file.match(scoped)?.[1];
      if (inScope && web.scopedFiles?.includes(inScope) && existsSync(join(web.dir, inScope))) {
        // A new worker or manifest must reach the browser at its next check, not in an hour.
        reply.header("cache-control", "no-cache");
        return reply.sendFile(inScope, web.dir, { cacheControl: false });
      }
      if (file.startsWith("assets/")) {
        // Vite names these by content hash: a changed file gets a new name, so caching forever is safe.
        return reply.sendFile(file, web.dir, { maxAge: YEAR_SECONDS * 1000, immutable: true });
      }
      if (extname(file) && existsSync(join(web.dir, file))) {
        return reply.sendFile(file, web.dir, { maxAge: 60 * 60 * 1000 });
      }
      if (assetExtensions.has(extname(file))) return reply.callNotFound();
      return sendIndex(reply);
    });
  }
}
