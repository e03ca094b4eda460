import type { FastifyInstance } from "fastify";

/**
 * The Content-Security-Policy of every page Lumen serves, kept here alone so it is easy to adjust.
 * The admin panel is a Vite build from the same origin; Radix sets inline styles, hence
 * 'unsafe-inline' for styles only. Nothing may frame Lumen's pages.
 */
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: https:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

/** The API reference page (Scalar) runs an inline script of its own; it gets every other header. */
const ownPolicy = (url: string) => url.startsWith("/api/docs");

/** Security headers on every response, errors and 404s included. */
export function installSecurityHeaders(app: FastifyInstance): void {
  app.addHook("onSend", async (request, reply) => {
    reply.header("x-content-type-options", "nosniff");
    reply.header("x-frame-options", "DENY");
    reply.header("referrer-policy", "no-referrer");
    reply.header("cross-origin-opener-policy", "same-origin");
    if (!ownPolicy(request.url)) reply.header("content-security-policy", contentSecurityPolicy);
  });
}
