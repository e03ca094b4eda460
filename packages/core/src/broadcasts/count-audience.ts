import { users } from "@lumen/db";
import { count } from "drizzle-orm";
import { z } from "zod";
import type { CoreContext } from "../shared/context.ts";
import { validationFailed } from "../shared/errors.ts";
import { audienceCondition } from "./audience-sql.ts";
import { parseBroadcastInput, segmentInput, segmentProblem } from "./broadcast-input.ts";

const countInput = segmentInput.extend({ botId: z.uuid() });

/** How many users a segment reaches right now, counted in SQL (the composer's live counter). */
export async function countAudience(ctx: CoreContext, input: z.input<typeof countInput>): Promise<number> {
  const parsed = parseBroadcastInput(countInput, input);
  const problem = segmentProblem(parsed);
  if (problem) throw validationFailed(problem.field, problem.message);
  const [row] = await ctx.db
    .select({ n: count() })
    .from(users)
    .where(audienceCondition(parsed.botId, parsed.segment, parsed.segmentParams, ctx.clock.now()));
  return row?.n ?? 0;
}
