import {
  camelKeys,
  errorResponse,
  product,
  productListQuery,
  productPatchRequest,
  productRequest,
  reorderProductsRequest,
  snakeKeys,
  uuidParam,
} from "@lumen/contracts";
import {
  type CoreContext,
  createProduct,
  getProduct,
  listCatalog,
  type Product,
  reorderProducts,
  toActor,
  updateProduct,
} from "@lumen/core";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { principalOf, type RequireAuth } from "../../http/auth.ts";
import { noContent } from "../../http/no-content.ts";

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
          summary: "The catalog in the bot's order, active and not, filtered by kind, state and title",
          querystring: productListQuery,
          response: {
            200: z.object({ items: z.array(product), next_cursor: z.string().nullable() }),
            400: errorResponse,
          },
        },
        preHandler: deps.requireAuth("operator"),
      },
      async (request) => {
        const page = await listCatalog(deps.core.db, request.query);
        return { items: page.items.map(show), next_cursor: page.nextCursor };
      },
    );
    app.post(
      "/api/v1/products/reorder",
      {
        schema: {
          tags,
          summary: "Set the order of products in the bot's catalog (admin): the first listed comes first",
          body: reorderProductsRequest,
          response: { 204: noContent, 400: errorResponse, 403: errorResponse },
        },
        preHandler: admin,
      },
      async (request, reply) => {
        await reorderProducts(deps.core, toActor(principalOf(request), request.ip), {
          productIds: request.body.product_ids,
        });
        return reply.status(204).send(null);
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
