import http from "node:http";
import https from "node:https";
import tls from "node:tls";

export type PostResult = { status: number; contentType: string; body: string };

/**
 * One webhook POST, by default without connection pooling, so a test's webhook server can
 * close without waiting on sockets the emulator keeps alive. A benchmark passes a keep-alive
 * `agent`, as Telegram reuses its connections.
 */
export function postJson(
  url: string,
  payload: unknown,
  headers: Record<string, string>,
  timeoutMs: number,
  signal: AbortSignal,
  ca?: string,
  agent?: http.Agent,
): Promise<PostResult> {
  const body = JSON.stringify(payload);
  const transport = url.startsWith("https:") ? https : http;
  return new Promise((resolve, reject) => {
    const request = transport.request(url, {
      method: "POST",
      agent: agent ?? false,
      signal,
      timeout: timeoutMs,
      // The system's roots plus the extra ones, as Telegram trusts a certificate given to setWebhook.
      ...(ca ? { ca: [...tls.rootCertificates, ca] } : {}),
      headers: {
        "content-type": "application/json",
        "content-length": String(Buffer.byteLength(body)),
        ...headers,
      },
    });
    request.on("timeout", () => request.destroy(new Error("Read timeout expired")));
    request.on("error", reject);
    request.on("response", (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("error", reject);
      response.on("end", () =>
        resolve({
          status: response.statusCode ?? 0,
          contentType: String(response.headers["content-type"] ?? ""),
          body: Buffer.concat(chunks).toString("utf8"),
        }),
      );
    });
    request.end(body);
  });
}
