import { LumenError } from "@lumen/core";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { SESSION_COOKIE } from "./auth.ts";

const safeMethods = new Set(["GET", "HEAD", "OPTIONS"]);

function originOf(value: string | undefined): string | undefined {
  if (!value) return undefined;
  try {
    return new URL(value).origin;
  } catch {
    return undefined;
  }
}

function allowedOrigins(request: FastifyRequest, publicUrl: string | undefined): Set<string> {
  const allowed = new Set<string>();
  const host = request.host;
  if (host) {
    for (const scheme of ["http", "https"]) {
      const origin = originOf(`${scheme}://${host}`);
      if (origin) allowed.add(origin);
    }
  }
  const configured = originOf(publicUrl);
  if (configured) allowed.add(configured);
  return allowed;
}

/**
 * CSRF guard for the panel's cookie session. The cookie is SameSite=Lax and httpOnly; on top of that,
 * a write (any non-GET) that rides on the session cookie must say where it comes from (`Origin`, or
 * `Referer` when a browser omits Origin) and that must be this server: its Host, or PUBLIC_URL
 * behind a proxy. API keys and bearer tokens are not ambient credentials, so they are exempt.
 */
export function installCsrfGuard(app: FastifyInstance, options: { publicUrl?: string | undefined }): void {
  app.addHook("onRequest", async (request) => {
    if (safeMethods.has(request.method)) return;
    if (typeof request.headers["x-auth-key"] === "string" && request.headers["x-auth-key"]) return;
    if (request.headers.authorization?.startsWith("Bearer ")) return;
    const cookies = request.headers.cookie;
    if (!cookies?.split(";").some((c) => c.trim().startsWith(`${SESSION_COOKIE}=`))) return;
    const origin = originOf(request.headers.origin) ?? originOf(request.headers.referer);
    if (!origin) {
      throw new LumenError(
        "FORBIDDEN",
        "A cookie-authenticated write must send an Origin header (CSRF check)",
      );
    }
    if (!allowedOrigins(request, options.publicUrl).has(origin)) {
      request.log.warn({ origin, host: request.host }, "cross-origin write with a session cookie refused");
      throw new LumenError("FORBIDDEN", "Cross-site request refused (Origin does not match this server)");
    }
  });
}
