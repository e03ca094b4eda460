import { z } from "zod";

/** First run: while no operator exists, the owner is created with the one-time code from the server log. */
export const setupStatusResponse = z.object({
  open: z.boolean().describe("true while no operator exists and the owner can be created"),
});

export const setupRequest = z.object({
  setup_code: z.string().trim().min(1).max(100).describe("The one-time code printed in the server log"),
  email: z.email(),
  password: z.string().min(10).max(1024),
});

export const setupResponse = z.object({
  operator: z.object({ id: z.uuid(), email: z.string(), role: z.literal("owner") }),
});
