import { LumenError } from "@lumen/core";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { RequireAuth } from "../http/auth.ts";
import type { JobDefinition } from "../jobs/job-runner.ts";

export type TestControls = { clock: { advance(ms: number): Date; now(): Date }; jobs: JobDefinition[] };

/**
 * LUMEN_TEST_CONTROLS only (refused in production): end-to-end tests move the server's clock
 * and run a scheduled job now, instead of waiting days and minutes.
 */
export const testControlRoutes =
  (deps: { controls: TestControls; requireAuth: RequireAuth }): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      "/api/v1/test/clock",
      {
        schema: {
          hide: true,
          body: z.object({
            advance_ms: z
              .number()
              .int()
              .min(0)
              .max(100 * 365 * 86_400_000),
          }),
          response: { 200: z.object({ now: z.string() }) },
        },
        preHandler: deps.requireAuth("owner"),
      },
      async (request) => ({ now: deps.controls.clock.advance(request.body.advance_ms).toISOString() }),
    );
    app.post(
      "/api/v1/test/jobs/:name/run",
      {
        schema: {
          hide: true,
          params: z.object({ name: z.string() }),
          response: { 200: z.record(z.string(), z.unknown()) },
        },
        preHandler: deps.requireAuth("owner"),
      },
      async (request) => {
        const job = deps.controls.jobs.find((j) => j.name === request.params.name);
        if (!job) throw new LumenError("NOT_FOUND", `No job ${request.params.name}`);
        return (await job.handler({})) ?? {};
      },
    );
  };
