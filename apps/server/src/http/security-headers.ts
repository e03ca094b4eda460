import type { FastifyInstance } from "fastify";

const policy = (frameAncestors: string) =>
  [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: https:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "worker-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    `frame-ancestors ${frameAncestors}`,
  ].join("; ");

/**
 * The Content-Security-Policy of every page Lumen serves, kept here alone so it is easy to adjust.
 * The web apps are Vite builds from the same origin; Radix sets inline styles, hence
 * 'unsafe-inline' for styles only. The store's service worker and manifest come from the same
 * origin (worker-src, manifest-src). Nothing may frame Lumen's pages, except the Mini App store.
 */
export const contentSecurityPolicy = policy("'none'");

/**
 * The Mini App store under /app: Telegram's web clients (web.telegram.org/k and /a) show a Mini App
 * in an iframe, so only they may frame it. The phone and desktop apps use a webview, not a frame.
 */
export const miniAppContentSecurityPolicy = policy("'self' https://web.telegram.org");

/** The API reference page (Scalar) runs an inline script of its own; it gets every other header. */
const ownPolicy = (url: string) => url.startsWith("/api/docs");
const isMiniApp = (url: string) => url === "/app" || url.startsWith("/app/") || url.startsWith("/app?");

/** Security headers on every response, errors and 404s included. */
export function installSecurityHeaders(app: FastifyInstance): void {
  app.addHook("onSend", async (request, reply) => {
    const framed = isMiniApp(request.url);
    reply.header("x-content-type-options", "nosniff");
    // X-Frame-Options cannot name an allowed framer; for /app the CSP's frame-ancestors decides.
    if (!framed) reply.header("x-frame-options", "DENY");
    reply.header("referrer-policy", "no-referrer");
    reply.header("cross-origin-opener-policy", "same-origin");
    if (!ownPolicy(request.url)) {
      reply.header("content-security-policy", framed ? miniAppContentSecurityPolicy : contentSecurityPolicy);
    }
  });
}
