import type { Database } from "@lumen/db";
import { sql } from "drizzle-orm";
import { z } from "zod";
import type { CoreContext } from "../shared/context.ts";
import { parseInput } from "../shared/parse-input.ts";
import { num, rowsOf } from "../shared/sql-rows.ts";
import { recordEvents } from "./record-events.ts";
import { type PeriodInput, resolvePeriod } from "./resolve-period.ts";

/** What the Mini App reports; its events live in the general `events` table (origin "app"). */
const storeEventTypes = ["app_opened", "product_viewed", "checkout_started"] as const;

/** The store sends what happened in batches; one batch is at most this many events. */
export const STORE_EVENT_BATCH = 50;

const storeEventsInput = z.object({
  userId: z.uuid(),
  botId: z.uuid(),
  events: z
    .array(
      z.object({
        type: z.enum(storeEventTypes),
        productId: z.uuid().nullish(),
        source: z.string().trim().min(1).max(64).nullish(),
      }),
    )
    .min(1)
    .max(STORE_EVENT_BATCH),
});

/**
 * Stores a batch of what a buyer did in the store. Events are stamped with the server's time,
 * not the phone's (a wrong clock on a phone must not move them across days).
 */
export async function recordStoreEvents(
  ctx: CoreContext,
  input: z.input<typeof storeEventsInput>,
): Promise<number> {
  const { userId, botId, events } = parseInput(storeEventsInput, input);
  const occurredAt = ctx.clock.now();
  await recordEvents(
    ctx,
    events.map((e) => ({
      type: e.type,
      userId,
      botId,
      productId: e.productId ?? null,
      source: e.source ?? null,
      origin: "app",
      occurredAt,
    })),
  );
  return events.length;
}

export type ProductFunnel = {
  productId: string;
  title: string;
  viewed: number;
  checkout: number;
  paid: number;
};

/**
 * Per product, the buyers who looked at it, began a checkout and paid, in the period: distinct
 * people at each step, in the bot and the Mini App alike. "Paid" comes from paid orders, so the funnel's last step agrees with
 * revenue whatever the app did or did not report.
 */
export async function readProductFunnel(
  db: Database,
  now: Date,
  input: PeriodInput,
): Promise<ProductFunnel[]> {
  const period = await resolvePeriod(db, now, input);
  const eventBot = period.botId ? sql`and e.bot_id = ${period.botId}` : sql``;
  const orderBot = period.botId ? sql`and o.bot_id = ${period.botId}` : sql``;
  const rows = rowsOf<{
    product_id: string;
    title: string;
    viewed: unknown;
    checkout: unknown;
    paid: unknown;
  }>(
    await db.execute(sql`
      with steps as (
        select e.product_id,
               count(distinct e.user_id) filter (where e.type = 'product_viewed') as viewed,
               count(distinct e.user_id) filter (where e.type = 'checkout_started') as checkout
        from events e
        where e.product_id is not null and e.type in ('product_viewed', 'checkout_started') and e.occurred_at >= ${period.startsAt} and e.occurred_at < ${period.endsAt}
          ${eventBot}
        group by e.product_id
      ), bought as (
        select o.product_id, count(distinct o.user_id) as paid
        from orders o
        where o.status = 'paid' and o.paid_at >= ${period.startsAt} and o.paid_at < ${period.endsAt} ${orderBot}
        group by o.product_id
      )
      select p.id as product_id, p.title, coalesce(s.viewed, 0) as viewed, coalesce(s.checkout, 0) as checkout,
             coalesce(b.paid, 0) as paid
      from products p
      left join steps s on s.product_id = p.id
      left join bought b on b.product_id = p.id
      where s.product_id is not null or b.product_id is not null
      order by coalesce(s.viewed, 0) desc, p.title`),
  );
  return rows.map((r) => ({
    productId: r.product_id,
    title: r.title,
    viewed: num(r.viewed),
    checkout: num(r.checkout),
    paid: num(r.paid),
  }));
}
