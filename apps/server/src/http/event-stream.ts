import type { FastifyReply } from "fastify";

export type EventStream = {
  /** One event; JSON data keeps newlines in a text from ending the event. */
  send(event: string, data: unknown): void;
  /** Runs once, when the stream ends from either side (the page left, or `end` was called). */
  onEnd(listener: () => void): void;
  end(): void;
  readonly ended: boolean;
};

/**
 * Takes the reply over as a server-sent event stream: headers that keep proxies (nginx's
 * buffering included) from holding events back, and the reconnect delay the page should use.
 * `keepAliveMs` writes a comment now and then so a proxy does not close an idle stream.
 */
export function openEventStream(
  reply: FastifyReply,
  options: { retryMs?: number; keepAliveMs?: number } = {},
): EventStream {
  reply.hijack();
  reply.raw.writeHead(200, {
    "content-type": "text/event-stream; charset=utf-8",
    "cache-control": "no-cache, no-transform",
    "x-accel-buffering": "no",
  });
  if (options.retryMs) reply.raw.write(`retry: ${options.retryMs}\n\n`);
  const listeners: Array<() => void> = [];
  const keepAlive = options.keepAliveMs
    ? setInterval(() => reply.raw.write(": keep-alive\n\n"), options.keepAliveMs)
    : undefined;
  const stream: EventStream = {
    ended: false,
    send(event, data) {
      if (!stream.ended) reply.raw.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
    },
    onEnd(listener) {
      listeners.push(listener);
    },
    end() {
      if (stream.ended) return;
      (stream as { ended: boolean }).ended = true;
      clearInterval(keepAlive);
      for (const listener of listeners) listener();
      reply.raw.end();
    },
  };
  reply.raw.on("close", () => stream.end());
  return stream;
}

/**
 * Open streams would hold a server's shutdown until its timeout: a plugin keeps its streams here
 * and ends them all when the server closes.
 */
export function trackEventStreams(app: { addHook(name: "preClose", hook: () => Promise<void>): unknown }) {
  const open = new Set<EventStream>();
  app.addHook("preClose", async () => {
    for (const stream of [...open]) stream.end();
  });
  return (stream: EventStream) => {
    open.add(stream);
    stream.onEnd(() => open.delete(stream));
    return stream;
  };
}
