import { type AccessEventKind, type AccessLogRow, accessLogs, users } from "@lumen/db";
import { and, desc, eq, gte, inArray, lt, or } from "drizzle-orm";
import type { CoreContext } from "../shared/context.ts";

export type ListAccessLogInput = {
  chatId: number;
  kinds?: AccessEventKind[];
  userId?: string;
  from?: Date;
  to?: Date;
  /** `<occurredAt ms>.<id>` of the last row of the previous page, as nextCursor gave it. */
  cursor?: string;
  limit: number;
};

export type AccessLogEntry = AccessLogRow & {
  user: { telegramId: number; firstName: string; username: string | null } | null;
};

export const encodeAccessLogCursor = (row: Pick<AccessLogRow, "occurredAt" | "id">) =>
  `${row.occurredAt.getTime()}.${row.id}`;

/**
 * A chat's access log, newest first. Paged by (time, id) so rows written while someone reads
 * never shift a page; `from` is inclusive and `to` exclusive.
 */
export async function listAccessLog(
  ctx: CoreContext,
  input: ListAccessLogInput,
): Promise<{ items: AccessLogEntry[]; nextCursor: string | null }> {
  const [ms, id] = (input.cursor ?? "").split(".").map(Number);
  const after =
    ms !== undefined && id !== undefined && input.cursor
      ? or(
          lt(accessLogs.occurredAt, new Date(ms)),
          and(eq(accessLogs.occurredAt, new Date(ms)), lt(accessLogs.id, id)),
        )
      : undefined;
  const rows = await ctx.db
    .select({
      entry: accessLogs,
      user: { telegramId: users.telegramId, firstName: users.firstName, username: users.username },
    })
    .from(accessLogs)
    .leftJoin(users, eq(users.id, accessLogs.userId))
    .where(
      and(
        eq(accessLogs.chatId, input.chatId),
        input.kinds?.length ? inArray(accessLogs.kind, input.kinds) : undefined,
        input.userId ? eq(accessLogs.userId, input.userId) : undefined,
        input.from ? gte(accessLogs.occurredAt, input.from) : undefined,
        input.to ? lt(accessLogs.occurredAt, input.to) : undefined,
        after,
      ),
    )
    .orderBy(desc(accessLogs.occurredAt), desc(accessLogs.id))
    .limit(input.limit + 1);
  const items = rows.slice(0, input.limit).map(({ entry, user }) => ({ ...entry, user }));
  const last = items.at(-1);
  return { items, nextCursor: rows.length > input.limit && last ? encodeAccessLogCursor(last) : null };
}
