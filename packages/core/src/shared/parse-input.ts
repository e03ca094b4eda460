import type { z } from "zod";
import { LumenError } from "./errors.ts";

/** Validates a verb's input; the first problem becomes a VALIDATION_FAILED naming the field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = issue?.path.join(".") || "input";
  throw new LumenError("VALIDATION_FAILED", `${field}: ${issue?.message ?? "is invalid"}`, { field });
}
