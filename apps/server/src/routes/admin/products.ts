import {
  camelKeys,
  errorResponse,
  product,
  productPatchRequest,
  productRequest,
  snakeKeys,
  uuidParam,
} from "@lumen/contracts";
import {
  type CoreContext,
  createProduct,
  getProduct,
  listProducts,
  type Product,
  toActor,
  updateProduct,
} from "@lumen/core";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { principalOf, type RequireAuth } from "../../http/auth.ts";

const tags = ["catalog"];
const show = (p: Product) => snakeKeys(p);

export const productRoutes =
  (deps: { core: CoreContext; requireAuth: RequireAuth }): FastifyPluginAsyncZod =>
  async (app) => {
    const admin = deps.requireAuth("admin");
    app.get(
      "/api/v1/products",
      {
        schema: {
          tags,
          summary: "The catalog, active and not",
          querystring: z.object({ active: z.stringbool().optional() }),
          response: { 200: z.object({ items: z.array(product) }) },
        },
        preHandler: deps.requireAuth("operator"),
      },
      async (request) => {
        const items = await listProducts(deps.core.db, { activeOnly: request.query.active === true });
        return { items: items.filter((p) => request.query.active !== false || !p.active).map(show) };
      },
    );
    app.get(
      "/api/v1/products/:id",
      {
        schema: {
          tags,
          summary: "One product",
          params: uuidParam,
          response: { 200: product, 404: errorResponse },
        },
        preHandler: deps.requireAuth("operator"),
      },
      async (request) => show(await getProduct(deps.core.db, request.params.id)),
    );
    app.post(
      "/api/v1/products",
      {
        schema: {
          tags,
          summary: "Add a product (admin)",
          body: productRequest,
          response: { 201: product, 400: errorResponse },
        },
        preHandler: admin,
      },
      async (request, reply) => {
        const created = await createProduct(
          deps.core,
          toActor(principalOf(request), request.ip),
          camelKeys(request.body),
        );
        return reply.status(201).send(show(created));
      },
    );
    app.patch(
      "/api/v1/products/:id",
      {
        schema: {
          tags,
          summary: "Change a product (admin)",
          params: uuidParam,
          body: productPatchRequest,
          response: { 200: product, 400: errorResponse, 404: errorResponse },
        },
        preHandler: admin,
      },
      async (request) =>
        show(
          await updateProduct(
            deps.core,
            toActor(principalOf(request), request.ip),
            request.params.id,
            camelKeys(request.body),
          ),
        ),
    );
    app.delete(
      "/api/v1/products/:id",
      {
        schema: {
          tags,
          summary: "Take a product off sale (admin); its orders keep their copy",
          params: uuidParam,
          response: { 200: product, 404: errorResponse },
        },
        preHandler: admin,
      },
      async (request) =>
        show(
          await updateProduct(deps.core, toActor(principalOf(request), request.ip), request.params.id, {
            active: false,
          }),
        ),
    );
  };
