import { LumenError } from "@lumen/core";
import type { LessonMediaKind } from "@lumen/db";
import { GrammyError } from "grammy";
import type { BotApis } from "./bot-apis.ts";

/** A Telegram file on its way to a browser: the body, and the headers that say what it is. */
export type TelegramFileDownload = {
  body: ReadableStream<Uint8Array>;
  contentType: string;
  size: number | undefined;
  fileName: string;
};

/** Telegram serves files as octet-stream; the extension it gives them says what they are. */
const typesByExtension: Record<string, string> = {
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  png: "image/png",
  webp: "image/webp",
  gif: "image/gif",
  mp4: "video/mp4",
  mov: "video/quicktime",
  webm: "video/webm",
  oga: "audio/ogg",
  ogg: "audio/ogg",
  opus: "audio/ogg",
  mp3: "audio/mpeg",
  m4a: "audio/mp4",
};
const typeFamily: Record<LessonMediaKind, string | null> = {
  photo: "image/",
  video: "video/",
  voice: "audio/",
  document: null,
};
const fallbackType: Record<LessonMediaKind, string> = {
  photo: "image/jpeg",
  video: "video/mp4",
  voice: "audio/ogg",
  document: "application/octet-stream",
};

/**
 * The content type a browser gets: an image, video or audio type matching the lesson's media kind,
 * whatever the file claims, and octet-stream for documents (a document is downloaded, never shown
 * in the panel's origin, so an HTML "document" cannot run there).
 */
export function contentTypeOf(kind: LessonMediaKind, filePath: string): string {
  const family = typeFamily[kind];
  const byExtension = typesByExtension[filePath.split(".").pop()?.toLowerCase() ?? ""];
  return family && byExtension?.startsWith(family) ? byExtension : fallbackType[kind];
}

/**
 * Downloads a file a bot received, by its file_id: `getFile` names its path, then the bytes come
 * from the bot's file URL. Telegram lets bots download files up to 20 MB: a larger one is
 * FILE_TOO_BIG; a file_id this bot does not know is NOT_FOUND; anything else UPSTREAM_FAILED.
 */
export async function downloadTelegramFile(
  botApis: BotApis,
  input: { botId: string; fileId: string; kind: LessonMediaKind },
  signal?: AbortSignal,
): Promise<TelegramFileDownload> {
  const api = await botApis.apiFor(input.botId);
  let file: Awaited<ReturnType<typeof api.getFile>>;
  try {
    file = await api.getFile(input.fileId);
  } catch (error) {
    if (error instanceof GrammyError && /file is too big/i.test(error.description))
      throw new LumenError(
        "FILE_TOO_BIG",
        "This file is over 20 MB: Telegram does not let bots download it, so it cannot be previewed (the bot still sends it)",
        { reason: "telegram_limit" },
      );
    if (error instanceof GrammyError && error.error_code === 400)
      throw new LumenError("NOT_FOUND", "The course's bot does not know this file_id");
    throw new LumenError("UPSTREAM_FAILED", "Telegram did not answer for this file");
  }
  if (!file.file_path) throw new LumenError("UPSTREAM_FAILED", "Telegram gave no path for this file");
  const response = await botApis.fetchFile(input.botId, file.file_path, signal);
  if (!response.ok || !response.body) {
    await response.body?.cancel();
    throw new LumenError("UPSTREAM_FAILED", `Telegram answered ${response.status} for this file`);
  }
  const length = Number(response.headers.get("content-length") ?? file.file_size);
  return {
    body: response.body,
    contentType: contentTypeOf(input.kind, file.file_path),
    size: Number.isFinite(length) && length >= 0 ? length : undefined,
    fileName: file.file_path.split("/").pop() || "file",
  };
}
