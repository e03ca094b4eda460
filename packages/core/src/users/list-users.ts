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
import { and, eq, ilike, inArray, isNull, or, type SQL, sql } from "drizzle-orm";
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

const hasRow = (from: SQL) => sql`exists (select 1 from ${from})`;
const firstRow = (from: SQL) => sql`(select 1 from ${from} limit 1)`;

/**
 * A yes/no filter on rows of another table, written so the list walks users in its own order and
 * stops at a page wherever that is cheap. "Has none" is a LIMIT 1 probe per user: PostgreSQL plans
 * NOT EXISTS as an anti join that first hashes every row of the other table (every paid order:
 * 120-170 ms at 200,000 orders), though "has none" (not paying, no plan) is what most users are.
 * `walk` makes "has one" a probe too, for a table about as large as users (a trial is given to
 * nearly everyone who writes): a semi join would hash or loop over all of it and sort, where the
 * walk finds a page within a few hundred users. A rare "has one" (partners) stays an EXISTS, which
 * starts from the few rows that have it. The worst case of a probe, a combination almost nobody
 * matches, walks every user (100-300 ms at 100,000).
 */
const yesNo = (value: boolean | undefined, from: SQL, options: { walk?: boolean } = {}): SQL | undefined => {
  if (value === undefined) return undefined;
  if (!value) return sql`${firstRow(from)} is null`;
  return options.walk ? sql`${firstRow(from)} is not null` : hasRow(from);
};

/** Escapes LIKE's wildcards so a search for "100%" finds that text, not everything. */
const likeEscaped = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

function searchCondition(search: string | undefined): SQL | undefined {
  if (!search) return undefined;
  if (/^\d{1,15}$/.test(search)) return eq(users.telegramId, Number(search));
  // Usernames are ASCII (Telegram's rule), so lower-casing here matches lower() in the index.
  if (search.startsWith("@"))
    return sql`lower(${users.username}) like ${`${likeEscaped(search.slice(1).toLowerCase())}%`}`;
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
 * Substring search is served by trigram indexes, @prefix by a lower(username) pattern index.
 */
export async function listUsers(db: Database, now: Date, input: ListUsersInput): Promise<Page<UserListItem>> {
  const q = parseInput(listUsersInput, input);
  const key = sortKeys[q.sort];
  const cursor = decodeCursor(q.cursor, `users:${q.sort}:${q.direction}`);
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
    yesNo(q.trial, sql`${assistantTrials} where ${assistantTrials.userId} = ${users.id}`, { walk: true }),
    yesNo(q.paying, sql`${orders} where ${orders.userId} = ${users.id} and ${orders.status} = 'paid'`),
    yesNo(
      q.activePlan,
      sql`${subscriptions} where ${subscriptions.userId} = ${users.id} and ${inArray(subscriptions.status, ["active", "trial"])} and ${subscriptions.endsAt} > ${now}`,
    ),
    q.blocked === undefined ? undefined : eq(users.isBanned, q.blocked),
    yesNo(q.partner, sql`${referralCodes} where ${referralCodes.userId} = ${users.id}`),
    q.referredBy
      ? hasRow(
          sql`${referralAttributions} where ${referralAttributions.userId} = ${users.id} and ${referralAttributions.partnerUserId} = ${q.referredBy}`,
        )
      : undefined,
  ];
  const select = (where: Array<SQL | undefined>, order: SQL[], limit: number) =>
    db
      .select({ user: users, balance: sql<number>`${balanceExpr}::int`, sortValue: sortText(key) })
      .from(users)
      .leftJoin(creditBalances, eq(creditBalances.userId, users.id))
      .where(and(...conditions, ...where))
      .orderBy(...order)
      .limit(limit);
  const rows =
    q.sort === "balance"
      ? await selectByBalance(select, q.direction, cursor, q.limit + 1)
      : await select(
          [afterCursor(key, users.id, q.direction, cursor)],
          orderByKey(key, users.id, q.direction),
          q.limit + 1,
        );
  return toPage(
    rows.map((r) => ({ ...r.user, balance: Number(r.balance), sortValue: r.sortValue })),
    q.limit,
    `users:${q.sort}:${q.direction}`,
  );
}

type SelectUsers<Row> = (where: Array<SQL | undefined>, order: SQL[], limit: number) => Promise<Row[]>;

/**
 * Sorting by balance as two index walks instead of one sort of every matching user: the users
 * with credit in credit_balances' (balance, user_id) order, and those with none (no row, or 0)
 * in id order. Together they are exactly the order (coalesce(balance, 0), id) the cursor
 * describes: with "desc" the credited users come first, with "asc" the ones without credit.
 */
async function selectByBalance<Row>(
  select: SelectUsers<Row>,
  direction: "asc" | "desc",
  cursor: { value: string; id: string } | null,
  limit: number,
): Promise<Row[]> {
  const cursorBalance = cursor ? BigInt(cursor.value) : null;
  const cmp = direction === "desc" ? sql.raw("<") : sql.raw(">");
  const dir = sql.raw(direction);
  const credited = () =>
    cursorBalance === 0n && direction === "desc"
      ? []
      : select(
          [
            sql`${creditBalances.balance} > 0`,
            cursor && cursorBalance !== 0n
              ? sql`(${creditBalances.balance}, ${creditBalances.userId}) ${cmp} (${cursor.value}::bigint, ${cursor.id}::uuid)`
              : undefined,
          ],
          [sql`${creditBalances.balance} ${dir}`, sql`${creditBalances.userId} ${dir}`],
          limit,
        );
  const uncredited = (wanted: number) =>
    wanted <= 0 || (cursorBalance !== null && cursorBalance > 0n && direction === "asc")
      ? []
      : select(
          [
            sql`coalesce(${creditBalances.balance}, 0) = 0`,
            cursorBalance === 0n ? sql`${users.id} ${cmp} ${cursor?.id}::uuid` : undefined,
          ],
          [sql`${users.id} ${dir}`],
          wanted,
        );
  if (direction === "desc") {
    const first = await credited();
    return [...first, ...(await uncredited(limit - first.length))];
  }
  const first = await uncredited(limit);
  return first.length >= limit ? first : [...first, ...(await credited()).slice(0, limit - first.length)];
}
