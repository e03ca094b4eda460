import {
  authenticateApiKey,
  type CoreContext,
  hasRole,
  LumenError,
  type Principal,
  resolveSession,
} from "@lumen/core";
import type { AdminRole } from "@lumen/db";
import type { FastifyInstance, FastifyRequest, preHandlerAsyncHookHandler } from "fastify";

export const SESSION_COOKIE = "lumen_session";

declare module "fastify" {
  interface FastifyRequest {
    principal: Principal | null;
  }
}

export type AuthDeps = {
  core: CoreContext;
  sessionKey: Uint8Array;
  /** SESSION_IDLE_TIMEOUT_MINUTES in milliseconds. */
  sessionIdleTimeoutMs: number;
};

async function identify(deps: AuthDeps, request: FastifyRequest): Promise<Principal> {
  const apiKey = request.headers["x-auth-key"];
  if (typeof apiKey === "string" && apiKey) return authenticateApiKey(deps.core, apiKey);
  const bearer = request.headers.authorization?.match(/^Bearer (.+)$/)?.[1];
  const token = request.cookies[SESSION_COOKIE] ?? bearer;
  if (!token) throw new LumenError("UNAUTHENTICATED", "Log in, or send an API key in the X-Auth-Key header");
  return resolveSession(deps.core, deps.sessionKey, token, { idleTimeoutMs: deps.sessionIdleTimeoutMs });
}

/** The least role a route needs; `"signed-in"` is any operator, desk roles included (their own account's routes). */
export type RequireAuth = (role?: AdminRole | "signed-in") => preHandlerAsyncHookHandler;

/**
 * Routes declare the least role they need with `preHandler: requireAuth("admin")`;
 * operator sessions (cookie or bearer) and API keys are checked the same way.
 */
export function installAuth(app: FastifyInstance, deps: AuthDeps): RequireAuth {
  app.decorateRequest("principal", null);
  return (role = "operator") =>
    async function requireAuth(request) {
      request.principal ??= await identify(deps, request);
      if (role !== "signed-in" && !hasRole(request.principal.role, role)) {
        throw new LumenError("FORBIDDEN", `This needs the ${role} role; you have ${request.principal.role}`);
      }
    };
}

export function principalOf(request: FastifyRequest): Principal {
  if (!request.principal) throw new LumenError("UNAUTHENTICATED", "Not authenticated");
  return request.principal;
}
