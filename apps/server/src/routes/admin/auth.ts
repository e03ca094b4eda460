import { errorResponse, loginRequest, loginResponse, meResponse } from "@lumen/contracts";
import { type CoreContext, logIn, logOut, signSessionToken, toActor } from "@lumen/core";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { principalOf, type RequireAuth, SESSION_COOKIE } from "../../http/auth.ts";
import { limitLoginAttempts } from "../../http/login-rate-limit.ts";
import { noContent } from "../../http/no-content.ts";

export type AuthRouteDeps = {
  core: CoreContext;
  sessionKey: Uint8Array;
  requireAuth: RequireAuth;
  secureCookies: boolean;
  loginLimitPerMinute: number;
};

const tags = ["auth"];

export const authRoutes =
  (deps: AuthRouteDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      "/api/v1/auth/login",
      {
        schema: {
          tags,
          summary: "Log in as an operator; sets an httpOnly session cookie",
          security: [],
          body: loginRequest,
          response: { 200: loginResponse, 401: errorResponse, 429: errorResponse },
        },
        preHandler: limitLoginAttempts(deps.core, deps.loginLimitPerMinute),
      },
      async (request, reply) => {
        const { admin, session } = await logIn(deps.core, {
          ...request.body,
          ip: request.ip,
          userAgent: request.headers["user-agent"] ?? null,
        });
        const token = await signSessionToken(
          deps.sessionKey,
          { adminId: admin.id, sessionId: session.id },
          session.expiresAt,
        );
        reply.setCookie(SESSION_COOKIE, token, {
          httpOnly: true,
          sameSite: "lax",
          secure: deps.secureCookies,
          path: "/",
          expires: session.expiresAt,
        });
        return { operator: admin, expires_at: session.expiresAt };
      },
    );

    app.post(
      "/api/v1/auth/logout",
      {
        schema: { tags, summary: "End the current operator session", response: { 204: noContent } },
        preHandler: deps.requireAuth("signed-in"),
      },
      async (request, reply) => {
        const principal = principalOf(request);
        if (principal.kind === "admin")
          await logOut(deps.core, toActor(principal, request.ip), principal.sessionId);
        reply.clearCookie(SESSION_COOKIE, { path: "/" });
        return reply.status(204).send(null);
      },
    );

    app.get(
      "/api/v1/auth/me",
      {
        schema: {
          tags,
          summary: "Who the request is authenticated as",
          response: { 200: meResponse, 401: errorResponse },
        },
        preHandler: deps.requireAuth("signed-in"),
      },
      async (request) => {
        const p = principalOf(request);
        return p.kind === "admin"
          ? { kind: p.kind, id: p.adminId, name: p.email, role: p.role, telegram_user_id: p.telegramUserId }
          : { kind: p.kind, id: p.keyId, name: p.name, role: p.role, telegram_user_id: null };
      },
    );
  };
