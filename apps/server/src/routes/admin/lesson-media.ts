import { Readable } from "node:stream";
import type { ReadableStream as NodeReadableStream } from "node:stream/web";
import { errorResponse, lessonParams } from "@lumen/contracts";
import { type CoreContext, readLessonMedia, toActor } from "@lumen/core";
import type { FastifyReply } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { BotApis } from "../../bot/bot-apis.ts";
import { downloadTelegramFile, type TelegramFileDownload } from "../../bot/telegram-file.ts";
import { principalOf, type RequireAuth } from "../../http/auth.ts";

/**
 * A lesson's Telegram file for the panel's preview: only the course's bot can download a file_id,
 * so the server fetches it through that bot and streams it on; the token stays on the server.
 * A URL media answers 404 (the browser loads a URL itself, and we redirect nowhere on a lesson's say).
 */
export const lessonMediaRoutes =
  (deps: { core: CoreContext; requireAuth: RequireAuth; botApis: BotApis }): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      "/api/v1/courses/:id/lessons/:lesson_id/media",
      {
        schema: {
          tags: ["courses"],
          summary: "The lesson's Telegram file (file_id media), downloaded through the course's bot",
          description:
            "Streams the bytes with the media's content type. 404: no media, or a URL media. " +
            "409: `ref` (the file_id the client shows) is not the saved one, or no bot teaches the course. " +
            "422 FILE_TOO_BIG: over the 20 MB bots may download.",
          params: lessonParams,
          querystring: z.object({ ref: z.string().min(1).max(512).optional() }),
          response: { 404: errorResponse, 409: errorResponse, 422: errorResponse, 502: errorResponse },
        },
        preHandler: deps.requireAuth("operator"),
      },
      async (request, reply) => {
        const media = await readLessonMedia(deps.core, toActor(principalOf(request), request.ip), {
          courseId: request.params.id,
          lessonId: request.params.lesson_id,
          expectedRef: request.query.ref,
        });
        const hangUp = new AbortController();
        // The browser went away (another lesson, a closed dialog): stop downloading for it.
        reply.raw.once("close", () => {
          if (!reply.raw.writableFinished) hangUp.abort();
        });
        const file = await downloadTelegramFile(
          deps.botApis,
          { botId: media.botId, fileId: media.fileId, kind: media.kind },
          hangUp.signal,
        );
        return sendTelegramFile(reply, file, media.kind === "document");
      },
    );
  };

/**
 * The file as it comes, with back-pressure from the socket; cached by this browser only (the file
 * behind a file_id never changes). A document downloads rather than opening in the panel's origin.
 */
function sendTelegramFile(reply: FastifyReply, file: TelegramFileDownload, download: boolean): FastifyReply {
  reply
    .header("content-type", file.contentType)
    .header("cache-control", "private, max-age=3600")
    .header("x-content-type-options", "nosniff")
    .header(
      "content-disposition",
      `${download ? "attachment" : "inline"}; filename="${file.fileName.replace(/[^\w.-]/g, "_")}"`,
    );
  if (file.size !== undefined) reply.header("content-length", file.size);
  return reply.send(Readable.fromWeb(file.body as NodeReadableStream<Uint8Array>));
}
