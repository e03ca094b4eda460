import { ApiError } from "@lumen/ui/lib/api-error";
import { readTokens, saveTokens, type Tokens } from "./session.ts";

export { ApiError };

/** Inside Telegram: the signed launch data. Installed app: the session tokens kept for this bot. */
type Auth = { botId: string; rawInitData: string | null };
let auth: Auth | null = null;

/** Set once at boot: the bot whose store this is (from the path) and Telegram's launch data, if any. */
export function configureApi(botId: string, rawInitData: string | null): void {
  auth = { botId, rawInitData };
}

export function currentBotId(): string {
  if (!auth) throw new Error("configureApi was not called");
  return auth.botId;
}

/** The header that says who the buyer is: `tma <initData>` in Telegram, `Bearer <token>` outside. */
export function authorizationHeader(): string | null {
  if (!auth) return null;
  if (auth.rawInitData) return `tma ${auth.rawInitData}`;
  const tokens = readTokens(auth.botId);
  return tokens ? `Bearer ${tokens.access_token}` : null;
}

async function send(url: string, method: string, body: unknown, authorization: string | null) {
  const headers: Record<string, string> = { accept: "application/json" };
  if (authorization) headers.authorization = authorization;
  if (body !== undefined) headers["content-type"] = "application/json";
  try {
    return await fetch(url, { method, headers, body: body === undefined ? null : JSON.stringify(body) });
  } catch {
    throw new ApiError(0, "NETWORK", "network");
  }
}

async function parse<T>(response: Response): Promise<T> {
  const text = await response.text();
  const json = text ? JSON.parse(text) : null;
  if (!response.ok) {
    const error = json?.error ?? {};
    throw new ApiError(
      response.status,
      error.code ?? "ERROR",
      error.message ?? response.statusText,
      error.field,
    );
  }
  return json as T;
}

/** Any caller that is not the store's own pages: the sign-in screen's login and status calls. */
export function publicApi<T>(
  method: "GET" | "POST" | "PUT",
  url: string,
  body?: unknown,
  headers?: Record<string, string>,
) {
  return (async () => {
    let response: Response;
    try {
      response = await fetch(url, {
        method,
        headers: {
          accept: "application/json",
          ...(body === undefined ? {} : { "content-type": "application/json" }),
          ...headers,
        },
        body: body === undefined ? null : JSON.stringify(body),
      });
    } catch {
      throw new ApiError(0, "NETWORK", "network");
    }
    return parse<T>(response);
  })();
}

let refreshing: Promise<boolean> | null = null;

/**
 * Trades the refresh token for a new pair, once for all the calls that met the same 401. A refusal
 * (revoked from the bot's /sessions or the admin panel, or expired) drops the session: the app
 * goes back to the sign-in screen. A network failure keeps it for the next try.
 */
function refreshSession(botId: string, stale: Tokens): Promise<boolean> {
  refreshing ??= (async () => {
    try {
      const fresh = await publicApi<Tokens>("POST", "/api/v1/app/auth/refresh", {
        refresh_token: stale.refresh_token,
      });
      saveTokens(botId, fresh);
      return true;
    } catch (error) {
      if (!(error instanceof ApiError && error.status === 0)) saveTokens(botId, null);
      return false;
    } finally {
      refreshing = null;
    }
  })();
  return refreshing;
}

/**
 * The store's one door to the buyer API `/api/v1/app/<botId>/...`. Response types come from the
 * shared contracts (types only, so Zod stays out of the bundle). Outside Telegram a 401 refreshes
 * the session once and repeats the call.
 */
export async function storeApi<T>(method: "GET" | "POST" | "PUT", path: string, body?: unknown): Promise<T> {
  if (!auth) throw new Error("configureApi was not called");
  const url = `/api/v1/app/${auth.botId}${path}`;
  const sent = authorizationHeader();
  const response = await send(url, method, body, sent);
  const tokens = auth.rawInitData ? null : readTokens(auth.botId);
  if (response.status === 401 && tokens) {
    // Another call may have refreshed meanwhile: then this one only needs to be sent again.
    const renewed = authorizationHeader() !== sent || (await refreshSession(auth.botId, tokens));
    if (renewed) return parse<T>(await send(url, method, body, authorizationHeader()));
  }
  return parse<T>(response);
}
