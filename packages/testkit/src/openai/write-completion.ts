import { setTimeout as sleep } from "node:timers/promises";
import { buildCompletionBody, buildStreamChunks, type Completion } from "./completion-bodies.ts";
import type { Exchange } from "./http-server.ts";

export type Pacing = { delayMs: number; chunkDelayMs: number };

/**
 * Writes a whole answer, or on `cut` part of it followed by a destroyed socket.
 * Every pause ends early when the client hangs up or the fake closes, so no timer
 * outlives the exchange.
 */
export async function writeCompletion(
  exchange: Exchange,
  completion: Completion,
  stream: boolean,
  pacing: Pacing,
  cut: boolean,
): Promise<void> {
  if (!(await pause(pacing.delayMs, exchange.signal))) return;
  if (stream) await writeStream(exchange, completion, pacing.chunkDelayMs, cut);
  else await writeBody(exchange, completion, cut);
}

async function writeBody(exchange: Exchange, completion: Completion, cut: boolean): Promise<void> {
  const body = Buffer.from(JSON.stringify(buildCompletionBody(completion)));
  const { response } = exchange;
  response.writeHead(200, {
    "content-type": "application/json",
    "content-length": body.length,
    "x-request-id": exchange.requestId,
  });
  if (!cut) {
    response.end(body);
    return;
  }
  await flush(exchange, body.subarray(0, Math.floor(body.length / 2)));
  exchange.hangUp();
}

async function writeStream(
  exchange: Exchange,
  completion: Completion,
  chunkDelayMs: number,
  cut: boolean,
): Promise<void> {
  const { chunks, contentChunks } = buildStreamChunks(completion);
  // A cut stream gets the role chunk and about half the words: enough for a client to have started.
  const sent = cut ? 1 + Math.max(1, Math.ceil(contentChunks / 2)) : chunks.length;
  exchange.response.writeHead(200, {
    "content-type": "text/event-stream; charset=utf-8",
    "cache-control": "no-cache",
    "x-request-id": exchange.requestId,
  });
  for (const [index, chunk] of chunks.slice(0, sent).entries()) {
    if (index > 0 && !(await pause(chunkDelayMs, exchange.signal))) return;
    if (exchange.signal.aborted) return;
    await flush(exchange, `data: ${JSON.stringify(chunk)}\n\n`);
  }
  if (cut) {
    exchange.hangUp();
    return;
  }
  if (!exchange.signal.aborted) exchange.response.end("data: [DONE]\n\n");
}

/**
 * Waits until the bytes are handed to the socket, so a following hang-up cannot swallow
 * them; an abort also settles it, since a dead socket may never call back.
 */
function flush(exchange: Exchange, data: string | Buffer): Promise<void> {
  const { response, signal } = exchange;
  if (signal.aborted || response.destroyed) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      signal.removeEventListener("abort", done);
      resolve();
    };
    signal.addEventListener("abort", done, { once: true });
    response.write(data, done);
  });
}

/** Resolves false instead of throwing when the exchange is aborted first. */
export async function pause(ms: number, signal: AbortSignal): Promise<boolean> {
  if (signal.aborted) return false;
  if (ms <= 0) return true;
  try {
    await sleep(ms, undefined, { signal });
    return true;
  } catch {
    return false;
  }
}

/** Holds a request without answering until the client gives up or the fake closes; no timer involved. */
export function waitForAbort(signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.resolve();
  return new Promise((resolve) => signal.addEventListener("abort", () => resolve(), { once: true }));
}
