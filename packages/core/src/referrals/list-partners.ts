import type { Database } from "@lumen/db";
import { type SQL, sql } from "drizzle-orm";
import { z } from "zod";
import { eachRow } from "../shared/keyset.ts";
import { decodeCursor, encodeCursor } from "../shared/keyset-cursor.ts";
import { parseInput } from "../shared/parse-input.ts";
import { num, rowsOf } from "../shared/sql-rows.ts";
import { type PartnerMoney, type ReferralSettings, readPartnerMoney } from "./partner-stats.ts";

export const partnerSorts = ["created_at", "clicks", "signups"] as const;

export const partnerListInput = z.object({
  /** Part of the code, the name or the @username; or a Telegram id. */
  q: z.string().trim().max(64).optional(),
  sort: z.enum(partnerSorts).default("created_at"),
  cursor: z.string().max(300).optional(),
  limit: z.number().int().min(1).max(200).default(50),
});

export type PartnerRow = {
  userId: string;
  telegramId: number;
  firstName: string;
  username: string | null;
  code: string;
  createdAt: Date;
  clicks: number;
  signups: number;
  payingUsers: number;
  money: PartnerMoney[];
};

type Raw = {
  user_id: string;
  telegram_id: unknown;
  first_name: string;
  username: string | null;
  code: string;
  created_at: string | Date;
  created_exact: string;
  clicks: unknown;
  signups: unknown;
};

const sortKey: Record<(typeof partnerSorts)[number], SQL> = {
  created_at: sql`p.created_exact`,
  clicks: sql`p.clicks`,
  signups: sql`p.signups`,
};

/**
 * Everyone with a partner code, largest first by the chosen sort, each with clicks, sign-ups,
 * paying users and money per currency. The money comes from readPartnerMoney, the same rule the
 * partner's own page and payouts use, for the page's partners only.
 */
export async function listPartners(
  db: Database,
  settings: ReferralSettings,
  input: z.input<typeof partnerListInput> & { now: Date },
): Promise<{ items: PartnerRow[]; nextCursor: string | null }> {
  const query = parseInput(partnerListInput, input);
  const key = sortKey[query.sort];
  const after = query.cursor ? decodeCursor(query.cursor, 2) : null;
  const afterValue =
    query.sort === "created_at" ? sql`${String(after?.[0])}::text` : sql`${Number(after?.[0])}::int`;
  const search = query.q
    ? /^\d{1,15}$/.test(query.q)
      ? sql`and u.telegram_id = ${Number(query.q)}`
      : sql`and (rc.code ilike ${`%${query.q.replace(/[\\%_]/g, "\\$&")}%`} or u.first_name ilike ${`%${query.q.replace(/[\\%_]/g, "\\$&")}%`} or u.username ilike ${`%${query.q.replace(/^@/, "").replace(/[\\%_]/g, "\\$&")}%`})`
    : sql``;
  const rows = rowsOf<Raw>(
    await db.execute(sql`
      select * from (
        select rc.user_id, u.telegram_id, u.first_name, u.username, rc.code, rc.created_at,
               to_char(rc.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as created_exact,
               rc.clicks,
               (select count(*)::int from referral_attributions a where a.partner_user_id = rc.user_id) as signups
        from referral_codes rc join users u on u.id = rc.user_id
        where true ${search}
      ) as p
      ${after ? sql`where (${key}, p.user_id) < (${afterValue}, ${String(after[1])}::uuid)` : sql``}
      order by ${key} desc, p.user_id desc
      limit ${query.limit + 1}`),
  );
  const page = rows.slice(0, query.limit);
  const money = await readPartnerMoney(db, settings, {
    partnerUserIds: page.map((r) => r.user_id),
    now: input.now,
  });
  const last = page.at(-1);
  const sortValue = (r: Raw) => (query.sort === "created_at" ? r.created_exact : num(r[query.sort]));
  return {
    items: page.map((r) => ({
      userId: r.user_id,
      telegramId: num(r.telegram_id),
      firstName: r.first_name,
      username: r.username,
      code: r.code,
      createdAt: new Date(r.created_at),
      clicks: num(r.clicks),
      signups: num(r.signups),
      payingUsers: money.get(r.user_id)?.payingUsers ?? 0,
      money: money.get(r.user_id)?.money ?? [],
    })),
    nextCursor: rows.length > query.limit && last ? encodeCursor([sortValue(last), last.user_id]) : null,
  };
}

/** Every partner matching the filters, page by page, for the CSV export. */
export async function* eachPartner(
  db: Database,
  settings: ReferralSettings,
  input: Omit<z.input<typeof partnerListInput>, "cursor" | "limit"> & { now: Date },
): AsyncGenerator<PartnerRow> {
  yield* eachRow((cursor) => listPartners(db, settings, { ...input, cursor, limit: 200 }));
}
