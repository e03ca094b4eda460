import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { storeBotParam } from "@lumen/contracts";
import { type CoreContext, getBotDisplayName } from "@lumen/core";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { miniApp } from "../../http/web-apps.ts";

/**
 * The installed app's manifest, per bot: the phone's home screen shows the bot's own name, not
 * "Store". The built manifest (icons, colours) is the template; the names, id, start URL and
 * scope are the bot's.
 * A missing build answers 503 like the app itself.
 */
export const storeManifestRoutes =
  (deps: { core: CoreContext }): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      "/app/:bot_id/manifest.webmanifest",
      { schema: { hide: true, params: storeBotParam } },
      async (request, reply) => {
        const template = await readFile(join(miniApp.dir, "manifest.webmanifest"), "utf8").catch(() => null);
        if (template === null) {
          return reply
            .status(503)
            .type("text/plain; charset=utf-8")
            .send("The Mini App store is not built.\n");
        }
        const botId = request.params.bot_id;
        const bot = await getBotDisplayName(deps.core.db, botId);
        // Absolute, not the template's "./": the app is this bot's store even if the manifest moves.
        const base = `/app/${botId}/`;
        reply.header("cache-control", "no-cache").type("application/manifest+json; charset=utf-8");
        return JSON.stringify({
          ...JSON.parse(template),
          id: base,
          name: bot.name,
          short_name: bot.shortName,
          start_url: base,
          scope: base,
        });
      },
    );
  };
