import type { Database } from "@lumen/db";
import { sql } from "drizzle-orm";

export type AdminSeed = {
  users: number;
  orders: number;
  /** Product ids the orders point at; the dashboard benchmark can group by them. */
  productIds: string[];
  /** Bot ids the users and orders are spread over. */
  botIds: string[];
  /** The instant the data is arranged around: users and orders are spread over the year before it. */
  now: Date;
};

const FIRST_NAMES = [
  "Anna",
  "Boris",
  "Vera",
  "Dmitry",
  "Elena",
  "Fyodor",
  "Galina",
  "Igor",
  "Katya",
  "Leo",
  "Maria",
  "Nikita",
  "Olga",
  "Pavel",
  "Roman",
  "Sofia",
  "Timur",
  "Uliana",
  "Viktor",
  "Yana",
  "Анна",
  "Борис",
  "Вера",
  "Дмитрий",
  "Елена",
  "Игорь",
  "Мария",
  "Никита",
  "Ольга",
  "Павел",
];

/**
 * Fills a migrated, empty database with a realistic admin-panel volume in a few set-based SQL
 * statements (generate_series, no row-by-row inserts): users with balances, trials, plans and
 * partner codes; orders over a year in both currencies and every status; payments for the paid
 * and refunded ones. Deterministic (no random()), so two runs see the same data.
 *
 * Exported for the other admin benchmarks (the dashboard's): seed once, then measure.
 */
export async function seedAdminData(
  db: Database,
  options: { users?: number; orders?: number; now?: Date } = {},
): Promise<AdminSeed> {
  const userCount = options.users ?? 100_000;
  const orderCount = options.orders ?? 200_000;
  const now = options.now ?? new Date("2026-12-01T00:00:00Z");
  const nowIso = now.toISOString();
  const botIds = ["7f1e0b7a-0000-4000-8000-000000000001", "7f1e0b7a-0000-4000-8000-000000000002"];
  const names = `array[${FIRST_NAMES.map((n) => `'${n}'`).join(",")}]`;

  const products = await db.execute<{ id: string }>(sql`
    insert into products (kind, title, details, sort_order)
    select 'credits', 'Pack ' || g, jsonb_build_object('kind', 'credits', 'credits', g * 100), g
    from generate_series(1, 8) g
    returning id`);
  const productIds = (products as unknown as { rows: Array<{ id: string }> }).rows.map((r) => r.id);
  await db.execute(sql`
    insert into product_prices (product_id, currency, amount)
    select p.id, c.currency, case c.currency when 'XTR' then 50 * p.sort_order else 9900 * p.sort_order end
    from products p cross join (values ('XTR'), ('RUB')) c(currency)`);

  // Users: one every ~5 minutes over the year before now; every 7th is Russian, every 500th blocked.
  await db.execute(
    sql.raw(`
    insert into users (telegram_id, first_name, last_name, username, language_code, locale, bot_id,
                       is_banned, blocked_at, first_seen_at, last_seen_at, created_at, updated_at)
    select 500000000 + g,
           (${names})[1 + g % ${FIRST_NAMES.length}],
           case when g % 3 = 0 then 'Surname' || (g % 997) end,
           case when g % 2 = 0 then 'user_' || g end,
           case when g % 7 = 0 then 'ru' else 'en' end,
           case when g % 11 = 0 then 'ru' end,
           case when g % 4 = 0 then '${botIds[1]}'::uuid else '${botIds[0]}'::uuid end,
           g % 500 = 0,
           case when g % 500 = 0 then '${nowIso}'::timestamptz - interval '1 day' end,
           '${nowIso}'::timestamptz - (g * interval '315 seconds'),
           '${nowIso}'::timestamptz - ((g % 5000) * interval '1 minute'),
           '${nowIso}'::timestamptz - (g * interval '315 seconds'),
           '${nowIso}'::timestamptz - (g * interval '315 seconds')
    from generate_series(1, ${userCount}) g`),
  );
  await db.execute(
    sql.raw(`
    create unlogged table bench_user_numbers as
    select id, row_number() over (order by telegram_id) as n from users where telegram_id > 500000000`),
  );
  await db.execute(
    sql.raw(`
    insert into credit_balances (user_id, balance)
    select id, (n * 37) % 2000 from bench_user_numbers where n % 3 = 0`),
  );
  await db.execute(
    sql.raw(`
    insert into assistant_trials (user_id, messages_granted, messages_left, started_at)
    select id, 10, n % 11, '${nowIso}'::timestamptz - (n * interval '1 minute') from bench_user_numbers where n % 5 = 0`),
  );
  await db.execute(
    sql.raw(`
    insert into referral_codes (user_id, code) select id, 'p' || n from bench_user_numbers where n % 1000 = 0`),
  );
  await db.execute(
    sql.raw(`
    insert into subscriptions (user_id, plan_code, title, status, starts_at, ends_at, period_days, fair_use_cap, bot_id)
    select id, 'pro', 'Pro',
           case when n % 40 < 30 then 'active' else 'expired' end,
           '${nowIso}'::timestamptz - interval '20 days' + ((n % 40) * interval '1 day') - interval '30 days',
           '${nowIso}'::timestamptz - interval '20 days' + ((n % 40) * interval '1 day'),
           30, 1000, '${botIds[0]}'::uuid
    from bench_user_numbers where n % 8 = 0`),
  );

  // Orders: two per user on average, over the year; 60% paid, 10% refunded, the rest pending/expired.
  await db.execute(
    sql.raw(`
    create unlogged table bench_products as
    select id, row_number() over (order by sort_order) - 1 as k from products`),
  );
  await db.execute(
    sql.raw(`
    insert into orders (user_id, product_id, bot_id, kind, title, details, currency, amount, provider, status,
                        flagged, flag_reason, expires_at, paid_at, refunded_at, created_at, updated_at)
    select u.id, p.id, case when g % 4 = 0 then '${botIds[1]}'::uuid else '${botIds[0]}'::uuid end,
           'credits', 'Pack ' || (p.k + 1), jsonb_build_object('kind', 'credits', 'credits', (p.k + 1) * 100),
           case when g % 3 = 0 then 'RUB' else 'XTR' end,
           case when g % 3 = 0 then 9900 * (p.k + 1) else 50 * (p.k + 1) end,
           case when g % 3 = 0 then 'yookassa' else 'stars' end,
           case when g % 10 < 6 then 'paid' when g % 10 = 6 then 'refunded' when g % 10 = 7 then 'pending' else 'expired' end,
           g % 2000 = 0, case when g % 2000 = 0 then 'amount mismatch' end,
           '${nowIso}'::timestamptz - (g * interval '157 seconds') + interval '1 hour',
           case when g % 10 < 7 then '${nowIso}'::timestamptz - (g * interval '157 seconds') + interval '1 minute' end,
           case when g % 10 = 6 then '${nowIso}'::timestamptz - (g * interval '157 seconds') + interval '1 day' end,
           '${nowIso}'::timestamptz - (g * interval '157 seconds'),
           '${nowIso}'::timestamptz - (g * interval '157 seconds')
    from generate_series(1, ${orderCount}) g
    join bench_user_numbers u on u.n = 1 + (g * 7919) % ${userCount}
    join bench_products p on p.k = g % 8`),
  );
  await db.execute(
    sql.raw(`
    insert into payments (order_id, provider, provider_payment_id, amount, currency, status, refunded_at, created_at, updated_at)
    select id, provider, 'bench-' || id, amount, currency,
           case when status = 'refunded' then 'refunded' else 'succeeded' end, refunded_at, paid_at, paid_at
    from orders where status in ('paid', 'refunded')`),
  );
  await db.execute(sql.raw("drop table bench_user_numbers"));
  await db.execute(sql.raw("drop table bench_products"));
  // What autovacuum does on a live PostgreSQL after bulk inserts: statistics for the planner, and
  // the visibility map that lets index-only scans skip the table (PGlite has no autovacuum).
  await db.execute(sql.raw("vacuum analyze"));
  return { users: userCount, orders: orderCount, productIds, botIds, now };
}
