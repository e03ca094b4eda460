import http, { type IncomingMessage } from "node:http";
import https from "node:https";
import { ChatModelError } from "./chat-model.ts";

/**
 * One POST to an OpenAI-compatible server over node:http with a keep-alive agent, instead of
 * the official SDK: in a CPU profile of the AI question the SDK and the fetch under it took a
 * fifth of the server's time (issue 13) for a call that is one JSON body out, one back.
 */
export type OpenAIHttp = {
  /** Sends `body` to `path` (relative to the base URL); resolves with the response headers. */
  post(path: string, body: unknown): Promise<OpenAIResponse>;
};

export type OpenAIResponse = {
  status: number;
  headers: IncomingMessage["headers"];
  /** The body as text, all of it; for JSON answers and errors. */
  text(): Promise<string>;
  /** The body as it arrives, decoded; for event streams. */
  chunks(): AsyncIterable<string>;
};

/**
 * `timeoutMs` bounds each wait: for the answer to start, and then for each next piece of it,
 * so a server that stalls mid-stream is given up on just like one that never answers.
 */
export function createOpenAIHttp(options: {
  baseURL: string;
  apiKey: string;
  timeoutMs: number;
}): OpenAIHttp {
  const base = new URL(options.baseURL.endsWith("/") ? options.baseURL : `${options.baseURL}/`);
  const secure = base.protocol === "https:";
  const agent = secure ? new https.Agent({ keepAlive: true }) : new http.Agent({ keepAlive: true });
  const request = secure ? https.request : http.request;
  const authorization = `Bearer ${options.apiKey}`;

  return {
    post(path, body) {
      const url = new URL(path, base);
      const payload = Buffer.from(JSON.stringify(body));
      return new Promise<OpenAIResponse>((resolve, reject) => {
        const req = request(url, {
          method: "POST",
          agent,
          headers: {
            authorization,
            "content-type": "application/json",
            "content-length": payload.length,
            accept: "application/json, text/event-stream",
          },
        });
        req.setTimeout(options.timeoutMs, () => {
          req.destroy(new ChatModelError("AI provider timed out", { retryable: true }));
        });
        req.on("error", (error) =>
          reject(
            error instanceof ChatModelError
              ? error
              : new ChatModelError(`AI provider unreachable: ${error.message}`, {
                  retryable: true,
                  cause: error,
                }),
          ),
        );
        req.on("response", (response) => resolve(wrapResponse(req, response)));
        req.end(payload);
      });
    },
  };
}

function wrapResponse(req: http.ClientRequest, response: IncomingMessage): OpenAIResponse {
  response.setEncoding("utf8");
  // Once the answer has started, a timeout or reset surfaces through the body's iterator.
  req.removeAllListeners("error");
  req.on("error", (error) => response.destroy(error));
  return {
    status: response.statusCode ?? 0,
    headers: response.headers,
    async text() {
      let text = "";
      for await (const chunk of response) text += chunk as string;
      return text;
    },
    async *chunks() {
      for await (const chunk of response) yield chunk as string;
    },
  };
}

/**
 * The `data:` payloads of a server-sent event stream, in order, up to `[DONE]` (not included).
 * Events are separated by a blank line; a payload may span several `data:` lines.
 */
export async function* readEventData(chunks: AsyncIterable<string>): AsyncGenerator<string> {
  let buffer = "";
  for await (const chunk of chunks) {
    buffer += chunk.includes("\r") ? chunk.replace(/\r\n?/g, "\n") : chunk;
    let end = buffer.indexOf("\n\n");
    while (end >= 0) {
      const event = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const data = event
        .split("\n")
        .filter((line) => line.startsWith("data:"))
        .map((line) => line.slice(line.startsWith("data: ") ? 6 : 5))
        .join("\n");
      if (data === "[DONE]") return;
      if (data) yield data;
      end = buffer.indexOf("\n\n");
    }
  }
}
