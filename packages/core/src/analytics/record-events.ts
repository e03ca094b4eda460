import { eventSources, events, eventTypes } from "@lumen/db";
import { z } from "zod";
import type { CoreContext } from "../shared/context.ts";
import { parseInput } from "../shared/parse-input.ts";

/** The largest batch one insert takes; writers buffer and flush at most this many at once. */
export const EVENT_BATCH = 500;

const eventInput = z.object({
  type: z.enum(eventTypes),
  userId: z.uuid().nullish(),
  botId: z.uuid().nullish(),
  productId: z.uuid().nullish(),
  properties: z.record(z.string(), z.unknown()).optional(),
  source: z.string().trim().min(1).max(64).nullish(),
  origin: z.enum(eventSources),
  dedupeKey: z.string().min(1).max(128).nullish(),
  occurredAt: z.date(),
});

export type EventInput = z.input<typeof eventInput>;

/**
 * Appends a batch of events in one insert. Callers stamp each with when it happened (the server's
 * clock, never a phone's); an event with a dedupe key already stored is skipped, so a retried job
 * that reports a payment twice counts it once.
 */
export async function recordEvents(ctx: CoreContext, input: readonly EventInput[]): Promise<number> {
  const batch = parseInput(z.array(eventInput).max(EVENT_BATCH), input);
  if (batch.length === 0) return 0;
  const stored = await ctx.db
    .insert(events)
    .values(
      batch.map((e) => ({
        type: e.type,
        userId: e.userId ?? null,
        botId: e.botId ?? null,
        productId: e.productId ?? null,
        properties: e.properties ?? {},
        source: e.source ?? null,
        origin: e.origin,
        dedupeKey: e.dedupeKey ?? null,
        occurredAt: e.occurredAt,
      })),
    )
    .onConflictDoNothing()
    .returning({ id: events.id });
  return stored.length;
}
