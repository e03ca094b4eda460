/** OpenAI's error envelope; the SDK reads `error` into APIError's type/param/code. */
export type OpenAIErrorBody = {
  error: { message: string; type: string; param: string | null; code: string | null };
};

/** An error answer ready to be written: status, body and any extra headers. */
export type ErrorAnswer = {
  status: number;
  body: OpenAIErrorBody;
  headers: Record<string, string>;
};

function errorAnswer(
  status: number,
  message: string,
  type: string,
  param: string | null = null,
  code: string | null = null,
  headers: Record<string, string> = {},
): ErrorAnswer {
  return { status, body: { error: { message, type, param, code } }, headers };
}

export function invalidRequest(message: string, param: string | null, code: string | null = null) {
  return errorAnswer(400, message, "invalid_request_error", param, code);
}

export function invalidUrl(method: string, path: string): ErrorAnswer {
  return errorAnswer(404, `Invalid URL (${method} ${path})`, "invalid_request_error");
}

export function modelNotFound(model: string): ErrorAnswer {
  return errorAnswer(
    404,
    `The model \`${model}\` does not exist or you do not have access to it.`,
    "invalid_request_error",
    null,
    "model_not_found",
  );
}

/** Mirrors OpenAI's two 401s; the key is masked like OpenAI does so it never lands in logs whole. */
export function unauthorized(authorization: string | undefined): ErrorAnswer {
  if (!authorization?.startsWith("Bearer ")) {
    return errorAnswer(
      401,
      "You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY).",
      "invalid_request_error",
    );
  }
  const key = authorization.slice("Bearer ".length);
  const masked = key.length > 8 ? `${key.slice(0, 3)}***${key.slice(-4)}` : "***";
  return errorAnswer(
    401,
    `Incorrect API key provided: ${masked}. You can find your API key at https://platform.openai.com/account/api-keys.`,
    "invalid_request_error",
    null,
    "invalid_api_key",
  );
}

/** The body OpenAI sends for this status, used by injected failures and a throwing reply function. */
export function failureAnswer(status: number, message?: string, retryAfterSeconds?: number): ErrorAnswer {
  const headers: Record<string, string> = {};
  if (retryAfterSeconds !== undefined) {
    headers["retry-after"] = String(Math.ceil(retryAfterSeconds));
    headers["retry-after-ms"] = String(Math.round(retryAfterSeconds * 1000));
  }
  if (status === 429) {
    return errorAnswer(
      429,
      message ?? "Rate limit reached for requests. Please try again later.",
      "rate_limit_error",
      null,
      "rate_limit_exceeded",
      headers,
    );
  }
  if (status >= 500) {
    return errorAnswer(
      status,
      message ?? "The server had an error while processing your request. Sorry about that!",
      "server_error",
      null,
      null,
      headers,
    );
  }
  return errorAnswer(
    status,
    message ?? `Injected failure (${status})`,
    "invalid_request_error",
    null,
    null,
    headers,
  );
}
