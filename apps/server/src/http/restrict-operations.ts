import { timingSafeEqual } from "node:crypto";
import { LumenError } from "@lumen/core";
import type { FastifyInstance } from "fastify";

const restricted = (path: string) =>
  path === "/metrics" ||
  path === "/api/openapi.json" ||
  path === "/api/docs" ||
  path.startsWith("/api/docs/");

/**
 * METRICS_TOKEN set: /metrics and the API reference answer only `Authorization: Bearer <token>`
 * (a Prometheus scraper sends it; a person opening the docs uses a header extension or a proxy).
 * Unset: open, as on a developer's machine.
 */
export function restrictOperations(app: FastifyInstance, token: string | undefined): void {
  if (!token) return;
  const expected = Buffer.from(`Bearer ${token}`);
  app.addHook("onRequest", async (request) => {
    if (!restricted(request.url.split("?")[0] ?? "")) return;
    const given = Buffer.from(request.headers.authorization ?? "");
    if (given.length !== expected.length || !timingSafeEqual(given, expected))
      throw new LumenError("UNAUTHENTICATED", "Send Authorization: Bearer <METRICS_TOKEN>");
  });
}
