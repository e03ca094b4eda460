import type { StoreAnswerDone, StoreAnswerError } from "@lumen/contracts";
import { ApiError, authorizationHeader, currentBotId, storeApi } from "../../lib/api.ts";

export type AnswerEvents = {
  /** The answer so far, each time it grows (a retry on the server starts it again). */
  onText: (textSoFar: string) => void;
};

export type AnswerOutcome = { ok: true; done: StoreAnswerDone } | { ok: false; error: StoreAnswerError };

async function post(question: string): Promise<Response> {
  const headers: Record<string, string> = { accept: "text/event-stream", "content-type": "application/json" };
  const authorization = authorizationHeader();
  if (authorization) headers.authorization = authorization;
  try {
    return await fetch(`/api/v1/app/${currentBotId()}/assistant/messages`, {
      method: "POST",
      headers,
      body: JSON.stringify({ question }),
    });
  } catch {
    throw new ApiError(0, "NETWORK", "network");
  }
}

/** A refused request (bad input, rate limit, expired session) answers JSON before any stream. */
async function refusal(response: Response): Promise<ApiError> {
  const body = await response.json().catch(() => null);
  const error = body?.error ?? {};
  return new ApiError(
    response.status,
    error.code ?? "ERROR",
    error.message ?? response.statusText,
    error.field,
  );
}

/**
 * Asks the assistant and reads its Server-Sent Events with fetch: EventSource can neither POST nor
 * send the Authorization header. Resolves with `done` or the `error` event; throws ApiError when
 * the server refused before streaming.
 */
export async function streamAnswer(question: string, events: AnswerEvents): Promise<AnswerOutcome> {
  let response = await post(question);
  if (response.status === 401 && !authorizationHeader()?.startsWith("tma ")) {
    // An expired session token: any store call refreshes it; then the question goes once more.
    await storeApi("GET", "/assistant/messages").catch(() => undefined);
    response = await post(question);
  }
  if (!response.ok || !response.body) throw await refusal(response);
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = "";
  let text = "";
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += value;
    let end = buffer.indexOf("\n\n");
    while (end >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      end = buffer.indexOf("\n\n");
      const name = block.match(/^event: (.*)$/m)?.[1];
      const data = JSON.parse(block.match(/^data: (.*)$/m)?.[1] ?? "{}");
      if (name === "delta") {
        text += data.text;
        events.onText(text);
      } else if (name === "reset") {
        text = "";
        events.onText(text);
      } else if (name === "done") return { ok: true, done: data };
      else if (name === "error") return { ok: false, error: data };
    }
  }
  throw new ApiError(0, "NETWORK", "network");
}
