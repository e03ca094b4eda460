import type { FastifyInstance, RouteHandlerMethod } from "fastify";

export type InFlightHandlers = {
  /** How many route handlers are running now. */
  count(): number;
  /**
   * Resolves once no handler runs, then refuses every later one with 503: the caller may close
   * the database after it, and a handler that starts anyway (its client left while it waited
   * in a hook) never reaches the closed pool.
   */
  drain(): Promise<void>;
};

/**
 * Counts the route handlers still running, whether or not their client is still there.
 *
 * Why: `app.close()` waits for open connections, not for handlers whose client already hung up
 * (a load generator stopping, a proxy timing out). Such a handler may be between reserving a
 * question's credit and settling it; closing the pool under it left the question `pending` and
 * logged "Cannot use a pool after calling end on the pool". Shutdown drains this after closing
 * HTTP and before closing the database. Install before any route is registered (onRoute).
 */
export function trackInFlightHandlers(app: FastifyInstance): InFlightHandlers {
  const running = new Set<Promise<unknown>>();
  let idle: (() => void) | undefined;
  let drained: Promise<void> | undefined;
  let closed = false;

  const settle = (work: Promise<unknown>) => {
    running.delete(work);
    // Closed in the same tick the last one ends: no handler can slip in before the pool closes.
    if (idle && running.size === 0) {
      closed = true;
      idle();
    }
  };

  // Once close() begins, every answer closes its connection: a kept-alive one would otherwise
  // hold server.close() (and so the shutdown) until its keep-alive timeout.
  let closing = false;
  app.addHook("preClose", async () => {
    closing = true;
  });
  app.addHook("onSend", async (_request, reply, payload) => {
    if (closing) reply.header("connection", "close");
    return payload;
  });

  // A request arriving on a kept-alive connection while we stop gets a plain 503 at once.
  app.addHook("onRequest", async (_request, reply) => {
    if (closed) return reply.code(503).header("connection", "close").send(stoppingBody);
  });

  app.addHook("onRoute", (route) => {
    const handler = route.handler as RouteHandlerMethod;
    route.handler = function trackedHandler(this: FastifyInstance, request, reply) {
      if (closed) return reply.code(503).header("connection", "close").send(stoppingBody);
      const result = handler.call(this, request, reply) as unknown;
      if (result instanceof Promise) {
        running.add(result);
        const done = () => settle(result);
        result.then(done, done);
      }
      return result;
    } as RouteHandlerMethod;
  });

  return {
    count: () => running.size,
    drain() {
      drained ??= new Promise<void>((resolve) => {
        idle = resolve;
        if (running.size === 0) {
          closed = true;
          resolve();
        }
      });
      return drained;
    },
  };
}

const stoppingBody = { error: { code: "shutting_down", message: "Lumen is stopping; try again shortly" } };
