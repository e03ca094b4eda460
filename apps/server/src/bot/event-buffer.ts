import { type CoreContext, EVENT_BATCH, type EventInput, isLumenError, recordEvents } from "@lumen/core";
import type { Logger } from "pino";

export type EventBufferOptions = {
  core: CoreContext;
  logger: Logger;
  /** How often buffered events are written, at the latest. */
  flushEveryMs?: number;
  /** Past this many waiting events (the database is down), the oldest are dropped, not the process's memory. */
  maxWaiting?: number;
};

export type EventBuffer = {
  /** Never waits and never throws: the reply is not slowed down by analytics. */
  record(event: EventInput): void;
  /** Writes everything waiting now (tests, shutdown). */
  flush(): Promise<void>;
  stop(): Promise<void>;
};

/**
 * The bot's analytics events, kept in memory for at most `flushEveryMs` and written in batches
 * of up to EVENT_BATCH rows: one insert per batch instead of one per update, off the update's
 * path. A failed write is logged and the batch kept for the next flush (up to `maxWaiting`);
 * events still waiting at a crash are lost, which analytics can afford and money never relies on.
 */
export function createEventBuffer(options: EventBufferOptions): EventBuffer {
  const log = options.logger.child({ component: "events" });
  const maxWaiting = options.maxWaiting ?? 50_000;
  let waiting: EventInput[] = [];
  let writing: Promise<void> = Promise.resolve();

  async function writeAll(): Promise<void> {
    while (waiting.length > 0) {
      const batch = waiting.slice(0, EVENT_BATCH);
      try {
        await recordEvents(options.core, batch);
        waiting = waiting.slice(batch.length);
      } catch (error) {
        if (isLumenError(error) && error.code === "VALIDATION_FAILED") {
          // A malformed event would block every later one: it is dropped, and the bug logged.
          log.error({ err: error }, "analytics events refused; batch dropped");
          waiting = waiting.slice(batch.length);
          continue;
        }
        log.warn({ err: error, waiting: waiting.length }, "analytics events not written; retrying later");
        return;
      }
    }
  }

  const flush = () => {
    writing = writing.then(writeAll);
    return writing;
  };
  const timer = setInterval(() => void flush(), options.flushEveryMs ?? 1000);
  timer.unref();

  return {
    record(event) {
      waiting.push(event);
      if (waiting.length > maxWaiting) waiting = waiting.slice(waiting.length - maxWaiting);
      if (waiting.length === EVENT_BATCH) void flush();
    },
    flush,
    async stop() {
      clearInterval(timer);
      await flush();
    },
  };
}

/** ANALYTICS_EVENTS=false: events are dropped where they are made, and nothing is written. */
export const discardEvents: EventBuffer = {
  record: () => undefined,
  flush: async () => undefined,
  stop: async () => undefined,
};
