import { certificateCodeParam, certificateResponse, errorResponse } from "@lumen/contracts";
import { type CoreContext, findCertificate } from "@lumen/core";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";

/**
 * GET /api/v1/certificates/{code}: public, no key. Whoever holds a certificate (an employer, a
 * school) checks its code: 200 with the name, course and date as printed, or 404.
 */
export const certificateRoutes =
  (deps: { core: CoreContext }): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      "/api/v1/certificates/:code",
      {
        schema: {
          tags: ["courses"],
          summary: "Check a course completion certificate by its code",
          security: [],
          params: certificateCodeParam,
          response: { 200: certificateResponse, 400: errorResponse, 404: errorResponse },
        },
      },
      async (request, reply) => {
        const row = await findCertificate(deps.core.db, request.params.code);
        if (!row)
          return reply
            .status(404)
            .send({ error: { code: "NOT_FOUND", message: "No certificate has this code" } });
        return {
          code: row.code,
          student_name: row.studentName,
          course_title: row.courseTitle,
          issued_at: row.issuedAt,
        };
      },
    );
  };
