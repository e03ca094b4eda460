import {
  assistantTrials,
  creditBalances,
  type Database,
  orders,
  referralAttributions,
  referralCodes,
  subscriptions,
  type UserRow,
  users,
} from "@lumen/db";
import { and, eq, ilike, inArray, isNull, not, or, type SQL, sql } from "drizzle-orm";
import { z } from "zod";
import {
  afterCursor,
  decodeCursor,
  orderByKey,
  type Page,
  type SortKey,
  sortText,
  toPage,
} from "../shared/keyset.ts";
import { parseInput } from "../shared/parse-input.ts";

export const userSorts = ["created", "last_seen", "name", "balance"] as const;

const balanceExpr = sql`coalesce(${creditBalances.balance}, 0)`;
const sortKeys: Record<(typeof userSorts)[number], SortKey> = {
  created: { expr: users.createdAt, type: "timestamptz" },
  last_seen: { expr: users.lastSeenAt, type: "timestamptz" },
  name: { expr: sql`lower(${users.firstName})`, type: "text" },
  balance: { expr: balanceExpr, type: "int" },
};

const listUsersInput = z.object({
  search: z.string().trim().max(100).optional(),
  telegramId: z.number().int().positive().optional(),
  botId: z.uuid().optional(),
  language: z.string().trim().min(2).max(16).optional(),
  trial: z.boolean().optional(),
  paying: z.boolean().optional(),
  activePlan: z.boolean().optional(),
  blocked: z.boolean().optional(),
  partner: z.boolean().optional(),
  referredBy: z.uuid().optional(),
  sort: z.enum(userSorts).default("created"),
  direction: z.enum(["asc", "desc"]).default("desc"),
  cursor: z.string().optional(),
  limit: z.number().int().min(1).max(1000).default(50),
});
export type ListUsersInput = z.input<typeof listUsersInput>;
export type UserListItem = UserRow & { balance: number };

const yesNo = (value: boolean | undefined, condition: SQL): SQL | undefined =>
  value === undefined ? undefined : value ? condition : not(condition);

/** Escapes LIKE's wildcards so a search for "100%" finds that text, not everything. */
const likeEscaped = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

function searchCondition(search: string | undefined): SQL | undefined {
  if (!search) return undefined;
  if (/^\d{1,15}$/.test(search)) return eq(users.telegramId, Number(search));
  if (search.startsWith("@")) return ilike(users.username, `${likeEscaped(search.slice(1))}%`);
  const pattern = `%${likeEscaped(search)}%`;
  return or(
    ilike(sql`${users.firstName} || ' ' || coalesce(${users.lastName}, '')`, pattern),
    ilike(users.username, pattern),
  );
}

/**
 * The operator's users list: search (exact Telegram id, @username prefix, or part of a name),
 * filters that answer "who pays, who is on a plan, who is blocked", sorted with keyset pages.
 * Each filter is an EXISTS on the owning table, so a user with ten orders is still one row.
 */
export async function listUsers(db: Database, now: Date, input: ListUsersInput): Promise<Page<UserListItem>> {
  const q = parseInput(listUsersInput, input);
  const key = sortKeys[q.sort];
  const cursor = decodeCursor(q.cursor, `users:${q.sort}:${q.direction}`);
  const hasRow = (from: SQL) => sql`exists (select 1 from ${from})`;
  const conditions = [
    searchCondition(q.search),
    q.telegramId === undefined ? undefined : eq(users.telegramId, q.telegramId),
    q.botId ? eq(users.botId, q.botId) : undefined,
    q.language
      ? or(
          eq(users.locale, q.language),
          and(isNull(users.locale), ilike(users.languageCode, `${likeEscaped(q.language)}%`)),
        )
      : undefined,
    yesNo(q.trial, hasRow(sql`${assistantTrials} where ${assistantTrials.userId} = ${users.id}`)),
    yesNo(
      q.paying,
      hasRow(sql`${orders} where ${orders.userId} = ${users.id} and ${orders.status} = 'paid'`),
    ),
    yesNo(
      q.activePlan,
      hasRow(
        sql`${subscriptions} where ${subscriptions.userId} = ${users.id} and ${inArray(subscriptions.status, ["active", "trial"])} and ${subscriptions.endsAt} > ${now}`,
      ),
    ),
    q.blocked === undefined ? undefined : eq(users.isBanned, q.blocked),
    yesNo(q.partner, hasRow(sql`${referralCodes} where ${referralCodes.userId} = ${users.id}`)),
    q.referredBy
      ? hasRow(
          sql`${referralAttributions} where ${referralAttributions.userId} = ${users.id} and ${referralAttributions.partnerUserId} = ${q.referredBy}`,
        )
      : undefined,
    afterCursor(key, users.id, q.direction, cursor),
  ];
  const rows = await db
    .select({ user: users, balance: sql<number>`${balanceExpr}::int`, sortValue: sortText(key) })
    .from(users)
    .leftJoin(creditBalances, eq(creditBalances.userId, users.id))
    .where(and(...conditions))
    .orderBy(...orderByKey(key, users.id, q.direction))
    .limit(q.limit + 1);
  return toPage(
    rows.map((r) => ({ ...r.user, balance: Number(r.balance), sortValue: r.sortValue })),
    q.limit,
    `users:${q.sort}:${q.direction}`,
  );
}
