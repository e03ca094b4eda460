import { uuidParam } from "@lumen/contracts";
import { type CoreContext, getBot } from "@lumen/core";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { SeenUpdate } from "../../bot/update-feed.ts";
import type { RequireAuth } from "../../http/auth.ts";
import { openEventStream, trackEventStreams } from "../../http/event-stream.ts";

/** Another process (a worker polling the bots) only leaves its stamp in the database. */
const RECHECK_MS = 5_000;

type Deps = {
  core: CoreContext;
  bots: { onUpdate(botId: string, listener: (update: SeenUpdate) => void): () => void };
  requireAuth: RequireAuth;
};

/**
 * "See the first update arrive" after connecting a bot: a server-sent event stream that sends
 * one `first_update` event when the bot's first update reaches this process (at once if one
 * already came), then ends. The page listens instead of polling.
 */
export const botFirstUpdateRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    const track = trackEventStreams(app);
    app.get(
      "/api/v1/bots/:id/first-update",
      {
        schema: {
          tags: ["bots"],
          summary:
            "Live (text/event-stream): one `first_update` {at, kind, from_name} event when the bot's first update arrives (admin)",
          params: uuidParam,
        },
        preHandler: deps.requireAuth("admin"),
      },
      async (request, reply) => {
        const botId = request.params.id;
        const bot = await getBot(deps.core, botId);
        const stream = track(openEventStream(reply, { retryMs: 5000 }));
        const send = (seen: { at: Date; kind: string | null; fromName: string | null }) => {
          stream.send("first_update", {
            at: seen.at.toISOString(),
            kind: seen.kind,
            from_name: seen.fromName,
          });
          stream.end();
        };
        const stop = deps.bots.onUpdate(botId, send);
        const recheck = setInterval(() => {
          void getBot(deps.core, botId)
            .then((row) => {
              if (row.lastUpdateAt) send({ at: row.lastUpdateAt, kind: null, fromName: null });
            })
            .catch(() => undefined);
        }, RECHECK_MS);
        stream.onEnd(() => {
          clearInterval(recheck);
          stop();
        });
        if (bot.lastUpdateAt) send({ at: bot.lastUpdateAt, kind: null, fromName: null });
      },
    );
  };
