import { Agent, request } from "node:http";

export type HttpResult = { status: number; body: string };

export type HttpClient = {
  post(path: string, body: unknown): Promise<HttpResult>;
  close(): void;
};

/**
 * Plain node:http with a keep-alive agent: the cheapest client Node has, which matters when
 * the load generator shares two cores with the server and PostgreSQL. One socket per worker.
 */
export function createHttpClient(
  baseUrl: string,
  headers: Record<string, string>,
  sockets: number,
  timeoutMs = 30_000,
): HttpClient {
  const url = new URL(baseUrl);
  if (url.hostname !== "127.0.0.1")
    throw new Error(`The bench only sends traffic to 127.0.0.1, not ${url.host}`);
  const agent = new Agent({ keepAlive: true, maxSockets: sockets, maxFreeSockets: sockets });
  return {
    post(path, body) {
      const payload = Buffer.from(JSON.stringify(body));
      return new Promise((resolve, reject) => {
        const req = request(
          {
            host: url.hostname,
            port: url.port,
            path,
            method: "POST",
            agent,
            timeout: timeoutMs,
            headers: { ...headers, "content-type": "application/json", "content-length": payload.length },
          },
          (res) => {
            const chunks: Buffer[] = [];
            res.on("data", (chunk: Buffer) => chunks.push(chunk));
            res.on("error", reject);
            res.on("end", () =>
              resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString() }),
            );
          },
        );
        req.on("timeout", () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
        req.on("error", reject);
        req.end(payload);
      });
    },
    close() {
      agent.destroy();
    },
  };
}
