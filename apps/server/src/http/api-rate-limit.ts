import { createHash } from "node:crypto";
import { type CoreContext, createBatchedRateLimits, type RateLimit } from "@lumen/core";
import type { FastifyInstance } from "fastify";

export type ApiRateLimits = { perKeyPerMinute: number; perAddressPerMinute: number };

/** Routes with a check of their own: YooKassa's notifications are admitted by source address. */
const exempt = new Set(["/api/v1/payments/yookassa/webhook"]);

/**
 * Requests to the API per minute, per API key and per client address, counted in the database
 * so every API process shares them (in batches: see createBatchedRateLimits); over the limit the
 * answer is 429 with Retry-After. The key is counted by a hash of what was sent, before
 * authentication, so guessing keys is limited too.
 */
export function installApiRateLimits(app: FastifyInstance, core: CoreContext, limits: ApiRateLimits): void {
  const counted = createBatchedRateLimits(core);
  app.addHook("onClose", () => counted.close().catch(() => {}));
  app.addHook("onRequest", async (request) => {
    const path = request.url.split("?")[0] ?? "";
    if (!path.startsWith("/api/v1/") || exempt.has(path)) return;
    const rules: RateLimit[] = [
      { key: `api:ip:${request.ip}`, limit: limits.perAddressPerMinute, windowMs: 60_000 },
    ];
    const apiKey = request.headers["x-auth-key"];
    if (typeof apiKey === "string" && apiKey) {
      const id = createHash("sha256").update(apiKey).digest("hex").slice(0, 32);
      rules.push({ key: `api:key:${id}`, limit: limits.perKeyPerMinute, windowMs: 60_000 });
    }
    await counted.enforce(rules);
  });
}
