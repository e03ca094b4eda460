import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { ErrorAnswer } from "./openai-error.ts";

/** Why an exchange's signal fired: the client hung up, or the fake is closing. */
export type AbortReason = "client" | "server";

/** One HTTP request/response pair with the bookkeeping every handler needs. */
export type Exchange = {
  request: IncomingMessage;
  response: ServerResponse;
  /** Aborted (reason: AbortReason) when the client hangs up or close() runs: stop waiting and writing. */
  signal: AbortSignal;
  requestId: string;
  /** Destroys the socket on purpose, without it counting as a client abort. */
  hangUp(): void;
};

export type HttpServer = { port: number; close(): Promise<void> };

/**
 * Plain node:http front end that keeps every exchange reachable, so close() can
 * wake held requests ("timeout", delays) and wait for their handlers before the
 * sockets go; nothing is left pending after a test.
 */
export async function startHttpServer(
  port: number,
  handle: (exchange: Exchange) => Promise<void>,
): Promise<HttpServer> {
  const open = new Map<AbortController, Promise<void>>();
  let requestCount = 0;
  let closing = false;
  const server: Server = createServer((request, response) => {
    const controller = new AbortController();
    let hungUp = false;
    response.on("close", () => {
      if (!response.writableFinished && !hungUp) controller.abort("client" satisfies AbortReason);
    });
    if (closing) controller.abort("server" satisfies AbortReason);
    const exchange: Exchange = {
      request,
      response,
      signal: controller.signal,
      requestId: `req_fake_${++requestCount}`,
      hangUp() {
        hungUp = true;
        response.destroy();
      },
    };
    const done = handle(exchange)
      .catch((error: unknown) => {
        console.error("fake openai:", error);
        if (!response.headersSent && !response.destroyed) response.writeHead(500).end();
      })
      .finally(() => open.delete(controller));
    open.set(controller, done);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  return {
    port: (server.address() as AddressInfo).port,
    async close() {
      closing = true;
      const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const controller of open.keys()) controller.abort("server" satisfies AbortReason);
      // Cutting the sockets also ends handlers still reading a request body.
      server.closeAllConnections();
      await Promise.allSettled(open.values());
      await stopped;
    },
  };
}

export function writeJson(
  exchange: Exchange,
  status: number,
  payload: unknown,
  headers: Record<string, string> = {},
): void {
  const { response } = exchange;
  if (exchange.signal.aborted || response.destroyed) return;
  const body = JSON.stringify(payload);
  response.writeHead(status, {
    ...headers,
    "content-type": "application/json",
    "content-length": Buffer.byteLength(body),
    "x-request-id": exchange.requestId,
  });
  response.end(body);
}

export function writeError(exchange: Exchange, answer: ErrorAnswer): void {
  writeJson(exchange, answer.status, answer.body, answer.headers);
}

/** Reads the whole body; undefined when the client hung up mid-way. */
export async function readBody(request: IncomingMessage): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  try {
    for await (const chunk of request) chunks.push(chunk as Buffer);
  } catch {
    return undefined;
  }
  return Buffer.concat(chunks);
}
