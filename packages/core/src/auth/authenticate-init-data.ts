import { bots, type UserRow } from "@lumen/db";
import { eq } from "drizzle-orm";
import { z } from "zod";
import type { CoreContext } from "../shared/context.ts";
import { LumenError } from "../shared/errors.ts";
import { upsertTelegramUser } from "../users/upsert-telegram-user.ts";

/** A buyer in the Mini App: the user Telegram vouched for, in the bot whose app they opened. */
export type BuyerPrincipal = { user: UserRow; botId: string; startParam: string | null };

export type InitDataCheck = {
  bot: { id: string; token: string };
  /** The raw init data string the Mini App received from Telegram. */
  initData: string;
  /** How old signed data may be; older data is refused, as a replay would be. */
  maxAgeSeconds: number;
};

/** Signed data from a moment this far ahead of our clock is a forgery or a broken clock. */
const CLOCK_SKEW_S = 300;

/** The launch fields Lumen reads, checked after the signature; Telegram adds others freely. */
const launchData = z.object({
  auth_date: z.coerce.number().int().positive(),
  start_param: z.string().max(512).optional(),
  user: z
    .string()
    .transform((json, zctx) => {
      try {
        return JSON.parse(json) as unknown;
      } catch {
        zctx.addIssue({ code: "custom", message: "not JSON" });
        return z.NEVER;
      }
    })
    .pipe(
      z.object({
        id: z.number().int().positive(),
        first_name: z.string().max(256),
        last_name: z.string().max(256).optional(),
        username: z.string().max(64).optional(),
        language_code: z.string().max(35).optional(),
      }),
    ),
});

const refuse = (message: string) => new LumenError("UNAUTHENTICATED", message, { field: "init_data" });

/**
 * Telegram signs a Mini App's launch data with the bot's token (HMAC). Only data signed with
 * the token of the bot named in the path passes, so data from another bot is refused without
 * trying every token; its age is judged on core's clock. The user is then found or created by
 * the same upsert as the bot's, with the launch parameter as their first-touch source.
 */
export async function authenticateInitData(ctx: CoreContext, check: InitDataCheck): Promise<BuyerPrincipal> {
  // Loaded on first use: the package and its fp-ts take 130 ms to import, on every start of
  // every process, for a check only the Mini App's sign-in makes (issue 13: start to healthy).
  const { validate } = await import("@tma.js/init-data-node");
  try {
    validate(check.initData, check.bot.token, { expiresIn: 0 });
  } catch {
    throw refuse("Telegram init data is missing its signature or was not signed for this bot");
  }
  const parsed = launchData.safeParse(Object.fromEntries(new URLSearchParams(check.initData)));
  if (!parsed.success) throw refuse("Telegram init data names no user or no date");
  const data = parsed.data;
  const ageSeconds = ctx.clock.now().getTime() / 1000 - data.auth_date;
  if (ageSeconds > check.maxAgeSeconds) throw refuse("Telegram init data has expired; reopen the app");
  if (ageSeconds < -CLOCK_SKEW_S) throw refuse("Telegram init data is dated in the future");
  const tgUser = data.user;

  const [bot] = await ctx.db.select({ enabled: bots.enabled }).from(bots).where(eq(bots.id, check.bot.id));
  if (!bot?.enabled) throw new LumenError("NOT_FOUND", "This store is not open", { field: "bot_id" });
  const user = await upsertTelegramUser(ctx, {
    telegramId: tgUser.id,
    firstName: tgUser.first_name,
    lastName: tgUser.last_name ?? null,
    username: tgUser.username ?? null,
    languageCode: tgUser.language_code ?? null,
    startPayload: data.start_param ?? null,
    botId: check.bot.id,
  });
  if (user.blockedAt) throw new LumenError("FORBIDDEN", "This account is blocked in this store");
  return { user, botId: check.bot.id, startParam: data.start_param ?? null };
}
