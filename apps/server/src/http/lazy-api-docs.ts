import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import Fastify from "fastify";

/**
 * The API reference page (Scalar) at /api/docs, loaded on its first request. The Scalar plugin
 * carries its whole browser bundle as a 4 MB string, and most processes never show the page, so
 * it lives in a small Fastify instance of its own, built on first use and asked through
 * `inject`: the routes here stay ordinary routes of the app (its hooks, the METRICS_TOKEN guard).
 */
export function installLazyApiDocs(app: FastifyInstance): void {
  let docs: Promise<FastifyInstance> | undefined;
  const load = () => {
    docs ??= (async () => {
      const { default: scalar } = await import("@scalar/fastify-api-reference");
      const inner = Fastify({ logger: false });
      await inner.register(scalar, {
        routePrefix: "/api/docs",
        configuration: { url: "/api/openapi.json", title: "Lumen API" },
      });
      await inner.ready();
      return inner;
    })();
    // A failed load is tried again on the next request rather than remembered.
    docs.catch(() => {
      docs = undefined;
    });
    return docs;
  };
  const serve = async (request: FastifyRequest, reply: FastifyReply) => {
    const inner = await load();
    const answer = await inner.inject({
      method: "GET",
      url: request.url,
      headers: { accept: request.headers.accept ?? "*/*" },
    });
    for (const [name, value] of Object.entries(answer.headers)) {
      if (value !== undefined && name !== "content-length" && name !== "connection")
        reply.header(name, value);
    }
    return reply.code(answer.statusCode).send(answer.rawPayload);
  };
  app.get("/api/docs", { schema: { hide: true } }, serve);
  app.get("/api/docs/*", { schema: { hide: true } }, serve);
}
