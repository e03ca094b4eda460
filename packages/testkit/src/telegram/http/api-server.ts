import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { notFound, TelegramApiError } from "../api-error.ts";
import type { ApiResponse } from "../types.ts";
import type { UploadedFile } from "./multipart.ts";
import { readRequest } from "./read-request.ts";

export type IncomingCall = {
  token: string;
  method: string;
  params: Record<string, unknown>;
  files: Map<string, UploadedFile>;
  /** Aborted when the client hangs up before the answer (grammY cancels long polls this way). */
  signal: AbortSignal;
};

export type ApiServer = { apiRoot: string; close(): Promise<void> };

const ROUTE = /^\/bot([^/]+)\/([^/]*)$/;
const FILE_ROUTE = /^\/file\/bot([^/]+)\/(.+)$/;

/** The bytes behind `/file/bot<token>/<file_path>` (a path getFile gave), or undefined: 404. */
export type ReadFileDownload = (token: string, filePath: string) => Buffer | undefined;

/** Plain node:http front end: routes /bot<token>/<method> to `handle` and writes Telegram-style JSON. */
export async function startApiServer(
  port: number,
  handle: (call: IncomingCall) => Promise<ApiResponse>,
  recordRejected: (token: string, method: string, error: TelegramApiError) => void,
  /** A token whose calls get their connection dropped unanswered (the client sees a network error). */
  isUnreachable: (token: string) => boolean = () => false,
  readFile: ReadFileDownload = () => undefined,
): Promise<ApiServer> {
  const server: Server = createServer((request, response) => {
    const pathname = new URL(request.url ?? "/", "http://127.0.0.1").pathname;
    const token = (ROUTE.exec(pathname) ?? FILE_ROUTE.exec(pathname))?.[1];
    if (token !== undefined && isUnreachable(decodeURIComponent(token))) {
      request.socket.destroy();
      return;
    }
    const file = FILE_ROUTE.exec(pathname);
    if (file) {
      request.resume();
      serveFile(response, readFile(decodeURIComponent(file[1]!), decodeURIComponent(file[2]!)));
      return;
    }
    void serve(request, response, handle, recordRejected);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  const { port: boundPort } = server.address() as AddressInfo;
  return {
    apiRoot: `http://127.0.0.1:${boundPort}`,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

async function serve(
  request: IncomingMessage,
  response: ServerResponse,
  handle: (call: IncomingCall) => Promise<ApiResponse>,
  recordRejected: (token: string, method: string, error: TelegramApiError) => void,
): Promise<void> {
  const url = new URL(request.url ?? "/", "http://127.0.0.1");
  const route = ROUTE.exec(url.pathname);
  const controller = new AbortController();
  response.on("close", () => {
    if (!response.writableFinished) controller.abort();
  });
  if (!route || route[2] === "") {
    request.resume();
    writeJson(response, notFound().toBody());
    return;
  }
  const token = decodeURIComponent(route[1]!);
  const method = decodeURIComponent(route[2]!);
  let answer: ApiResponse;
  try {
    const { params, files } = await readRequest(request, url);
    answer = await handle({ token, method, params, files, signal: controller.signal });
  } catch (error) {
    const apiError =
      error instanceof TelegramApiError ? error : new TelegramApiError(500, "Internal Server Error");
    if (!(error instanceof TelegramApiError)) console.error("telegram emulator:", error);
    recordRejected(token, method, apiError);
    answer = apiError.toBody();
  }
  if (!response.destroyed) writeJson(response, answer);
}

/** Telegram answers a file download with the bytes as octet-stream, or a JSON 404. */
function serveFile(response: ServerResponse, bytes: Buffer | undefined): void {
  if (!bytes) {
    writeJson(response, notFound().toBody());
    return;
  }
  response.writeHead(200, { "content-type": "application/octet-stream", "content-length": bytes.length });
  response.end(bytes);
}

function writeJson(response: ServerResponse, answer: ApiResponse): void {
  const body = JSON.stringify(answer);
  response.writeHead(answer.ok ? 200 : answer.error_code, {
    "content-type": "application/json",
    "content-length": Buffer.byteLength(body),
  });
  response.end(body);
}
