import { type CoreContext, enforceRateLimits } from "@lumen/core";
import type { preHandlerAsyncHookHandler } from "fastify";

/**
 * Login attempts per minute, counted per account and per client address in the database, so
 * every API process shares the count: many addresses cannot try one account faster than the
 * limit, and one address cannot try many accounts faster than three times it (an office behind
 * one NAT address still logs in).
 */
export function limitLoginAttempts(core: CoreContext, perMinute: number): preHandlerAsyncHookHandler {
  return async function limitLogin(request) {
    const email = String((request.body as { email?: unknown } | undefined)?.email ?? "")
      .trim()
      .toLowerCase();
    await enforceRateLimits(core, [
      { key: `login:ip:${request.ip}`, limit: perMinute * 3, windowMs: 60_000 },
      { key: `login:account:${email}`, limit: perMinute, windowMs: 60_000 },
    ]);
  };
}
