import swagger from "@fastify/swagger";
import type { FastifyInstance } from "fastify";
import { jsonSchemaTransform, jsonSchemaTransformObject } from "fastify-type-provider-zod";
import { installLazyApiDocs } from "./lazy-api-docs.ts";

/** OpenAPI generated from the same Zod schemas that validate requests, so the docs cannot drift. */
export async function installOpenApi(app: FastifyInstance, version: string): Promise<void> {
  await app.register(swagger, {
    openapi: {
      info: {
        title: "Lumen API",
        version,
        description:
          "Operators' and services' API of Lumen. Errors are `{ error: { code, message, field? } }`.",
      },
      components: {
        securitySchemes: {
          apiKey: { type: "apiKey", in: "header", name: "X-Auth-Key" },
          session: { type: "apiKey", in: "cookie", name: "lumen_session" },
        },
      },
      security: [{ apiKey: [] }, { session: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  app.get("/api/openapi.json", { schema: { hide: true } }, async () => app.swagger());
  installLazyApiDocs(app);
}
