/** What the server says when a request fails: `{ error: { code, message, field } }` plus the status. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly field: string | undefined;
  constructor(status: number, code: string, message: string, field?: string) {
    super(message);
    this.name = "ApiError";
    this.status = status;
    this.code = code;
    this.field = field;
  }
}

let session: { botId: string; rawInitData: string } | null = null;

/** Set once at boot: the bot whose store this is (from the path) and Telegram's signed launch data. */
export function configureApi(botId: string, rawInitData: string): void {
  session = { botId, rawInitData };
}

/**
 * The store's one door to the buyer API `/api/v1/app/<botId>/...`. Every call carries the raw
 * launch data as the SDK's docs send it; the server checks its signature with this bot's token.
 * Response types come from the shared contracts (types only, so Zod stays out of the bundle).
 */
export async function storeApi<T>(method: "GET" | "POST", path: string, body?: unknown): Promise<T> {
  if (!session) throw new Error("configureApi was not called");
  const headers: Record<string, string> = {
    accept: "application/json",
    authorization: `tma ${session.rawInitData}`,
  };
  if (body !== undefined) headers["content-type"] = "application/json";
  let response: Response;
  try {
    response = await fetch(`/api/v1/app/${session.botId}${path}`, {
      method,
      headers,
      body: body === undefined ? null : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, "NETWORK", "network");
  }
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
