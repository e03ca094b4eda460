import { botTextRevisions, type Database, type UserRow, users } from "@lumen/db";
import { getTableColumns, sql } from "drizzle-orm";
import type { CoreContext } from "../shared/context.ts";

export type TelegramUserInput = {
  telegramId: number;
  firstName: string;
  lastName?: string | null;
  username?: string | null;
  languageCode?: string | null;
  /** The /start payload that brought the user; kept only from their very first visit. */
  startPayload?: string | null;
  /** The bot the update came through; kept only from the very first visit, like the payload. */
  botId?: string | null;
};

/**
 * One statement, so two updates from the same new user at once cannot create two rows.
 * Names and language follow Telegram; the referral source is first-touch and never overwritten.
 * `textRevision` is the bot's edited-texts revision (0 without edits or without a bot), read in
 * the same statement: every bot update needs both, and one round trip is cheaper than two.
 * It runs as a named prepared statement (see upsertStatement): every bot update runs it.
 */
export async function upsertTelegramUser(
  ctx: CoreContext,
  input: TelegramUserInput,
): Promise<UserRow & { created: boolean; textRevision: number }> {
  const now = ctx.clock.now();
  const [row] = await upsertStatement(ctx.db).execute({
    telegramId: input.telegramId,
    firstName: input.firstName,
    lastName: input.lastName ?? null,
    username: input.username ?? null,
    languageCode: input.languageCode ?? null,
    referralSource: input.startPayload ?? null,
    botId: input.botId ?? null,
    now,
  });
  if (!row) throw new Error("upsert returned no row");
  return row;
}

/**
 * The hottest statement of the bot (one per update), built once per database handle and sent as
 * a named prepared statement: drizzle does not rebuild the SQL each time and PostgreSQL parses
 * and plans it once per connection. A transaction handle gets its own, used for that call only.
 */
const statements = new WeakMap<Database, ReturnType<typeof prepareUpsert>>();

function upsertStatement(db: Database) {
  let statement = statements.get(db);
  if (!statement) {
    statement = prepareUpsert(db);
    statements.set(db, statement);
  }
  return statement;
}

function prepareUpsert(db: Database) {
  const p = (name: string) => sql.placeholder(name);
  return (
    db
      .insert(users)
      .values({
        telegramId: p("telegramId"),
        firstName: p("firstName"),
        lastName: p("lastName"),
        username: p("username"),
        languageCode: p("languageCode"),
        referralSource: p("referralSource"),
        botId: p("botId"),
        firstSeenAt: p("now"),
        lastSeenAt: p("now"),
        createdAt: p("now"),
        updatedAt: p("now"),
      })
      .onConflictDoUpdate({
        target: users.telegramId,
        // The proposed row's values (excluded.*), so each placeholder is bound once.
        set: {
          firstName: sql`excluded.first_name`,
          lastName: sql`excluded.last_name`,
          username: sql`excluded.username`,
          languageCode: sql`excluded.language_code`,
          // Users from before bots were recorded get theirs on their next update.
          botId: sql`coalesce(${users.botId}, excluded.bot_id)`,
          lastSeenAt: sql`excluded.last_seen_at`,
          updatedAt: sql`excluded.updated_at`,
        },
      })
      // xmax = 0 only on a freshly inserted row: tells a registration from a returning visitor.
      .returning({
        ...getTableColumns(users),
        created: sql<boolean>`(xmax = 0)`,
        textRevision:
          sql<number>`coalesce((select ${botTextRevisions.revision} from ${botTextRevisions} where ${botTextRevisions.botId} = ${p("botId")}), 0)`.mapWith(
            Number,
          ),
      })
      .prepare("upsert_telegram_user")
  );
}
