import { z } from "zod";

export const healthResponse = z.object({
  status: z.enum(["ok", "degraded"]),
  version: z.string(),
  driver: z.enum(["pglite", "postgres"]),
  database: z.enum(["ok", "down"]),
  uptime_seconds: z.number().int(),
});
