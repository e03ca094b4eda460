import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { RequireAuth } from "../../http/auth.ts";
import { openEventStream, trackEventStreams } from "../../http/event-stream.ts";
import type { PlaygroundEvents } from "../../playground/playground-events.ts";

const tags = ["playground"];

/**
 * The playground page's live feed (playground mode only): a `changed` event whenever the
 * emulated Telegram changes, so the page refreshes what it shows instead of polling, and a
 * `draft` event with the text of an answer the bot is still writing.
 */
export const playgroundEventRoutes =
  (deps: { events: PlaygroundEvents; requireAuth: RequireAuth }): FastifyPluginAsyncZod =>
  async (app) => {
    const preHandler = deps.requireAuth("operator");
    const track = trackEventStreams(app);
    app.get(
      "/api/v1/playground/events",
      {
        schema: {
          tags,
          summary:
            "Live (text/event-stream): `changed` {chat_id} whenever the emulated Telegram changes, `draft` {chat_id, text} as the bot streams an answer",
        },
        preHandler,
      },
      async (_request, reply) => {
        const stream = track(openEventStream(reply, { retryMs: 2000, keepAliveMs: 25_000 }));
        const stop = deps.events.subscribe((event) =>
          stream.send(
            event.kind,
            event.kind === "draft" ? { chat_id: event.chatId, text: event.text } : { chat_id: event.chatId },
          ),
        );
        stream.onEnd(stop);
      },
    );
  };
