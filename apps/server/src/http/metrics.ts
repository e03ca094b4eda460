import type { FastifyInstance } from "fastify";
import { Counter, collectDefaultMetrics, Histogram, Registry } from "prom-client";

export type Metrics = {
  registry: Registry;
  httpDuration: Histogram<"method" | "route" | "status">;
  botUpdates: Counter<"bot" | "type">;
  botErrors: Counter<"bot">;
  jobsCompleted: Counter<"job" | "outcome">;
};

/** One registry per process, created in main.ts; tests make their own. */
export function createMetrics(): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "lumen_" });
  return {
    registry,
    httpDuration: new Histogram({
      name: "lumen_http_request_duration_seconds",
      help: "HTTP request duration by route and status",
      labelNames: ["method", "route", "status"],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers: [registry],
    }),
    botUpdates: new Counter({
      name: "lumen_bot_updates_total",
      help: "Telegram updates handled, by bot and update type",
      labelNames: ["bot", "type"],
      registers: [registry],
    }),
    botErrors: new Counter({
      name: "lumen_bot_errors_total",
      help: "Telegram updates whose handling failed",
      labelNames: ["bot"],
      registers: [registry],
    }),
    jobsCompleted: new Counter({
      name: "lumen_jobs_completed_total",
      help: "Background jobs finished, by job and outcome",
      labelNames: ["job", "outcome"],
      registers: [registry],
    }),
  };
}

export function installMetrics(app: FastifyInstance, metrics: Metrics): void {
  app.addHook("onResponse", async (request, reply) => {
    // The route pattern, never the raw URL: ids in paths would explode the label set.
    const route = request.routeOptions.url ?? "unmatched";
    metrics.httpDuration.observe(
      { method: request.method, route, status: String(reply.statusCode) },
      reply.elapsedTime / 1000,
    );
  });
  app.get("/metrics", { schema: { hide: true } }, async (_request, reply) => {
    reply.header("content-type", metrics.registry.contentType);
    return metrics.registry.metrics();
  });
}
