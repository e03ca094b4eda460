import { z } from "zod";
import { creditEntry } from "./assistant.ts";
import { timestamp } from "./common.ts";
import { pageQuery, queryFlag, sortParam } from "./list-query.ts";
import { cursorPage } from "./pagination.ts";
import { subscriptionItem } from "./subscription-admin.ts";
import { user } from "./users.ts";

export const userSorts = ["created", "last_seen", "name", "balance"] as const;

export const listUsersQuery = z.object({
  q: z
    .string()
    .trim()
    .max(100)
    .optional()
    .describe("search: a Telegram id (exact), @username (prefix) or part of a name"),
  telegram_id: z.coerce.number().int().positive().optional(),
  bot_id: z.uuid().optional(),
  language: z.string().trim().min(2).max(16).optional(),
  trial: queryFlag.describe("has started the free trial"),
  paying: queryFlag.describe("has at least one paid order"),
  active_plan: queryFlag.describe("holds a live plan now"),
  blocked: queryFlag,
  partner: queryFlag.describe("has a partner (referral) code"),
  referred_by: z.uuid().optional().describe("brought by this partner"),
  sort: sortParam(userSorts, "created.desc"),
  ...pageQuery,
});
/** What the users CSV export accepts: the list's filters and sort, without paging. */
export const exportUsersQuery = listUsersQuery.omit({ cursor: true, limit: true });

export const userListItem = user.extend({ balance: z.number().int() }).meta({ id: "UserListItem" });
export const userListResponse = cursorPage(userListItem);

export const partnerStatsSummary = z.object({
  code: z.string().nullable(),
  clicks: z.number().int(),
  signups: z.number().int(),
  paying_users: z.number().int(),
  money: z.array(
    z.object({
      currency: z.enum(["XTR", "RUB"]),
      revenue: z.number().int(),
      earned: z.number().int(),
      held: z.number().int(),
      paid_out: z.number().int(),
      due: z.number().int(),
    }),
  ),
});

export const chatAccess = z.object({
  subscription_id: z.uuid().nullable().describe("the plan the link was made for; null for a course chat"),
  enrollment_id: z.uuid().nullable().describe("the course place the link was made for (a tariff's chat)"),
  chat_id: z.number().int(),
  invite_link: z.string(),
  used_at: timestamp.nullable(),
  revoked_at: timestamp.nullable(),
  expires_at: timestamp,
});

export const userOverview = z
  .object({
    user: userListItem,
    trial: z
      .object({ messages_granted: z.number().int(), messages_left: z.number().int(), started_at: timestamp })
      .nullable(),
    subscriptions: z.array(subscriptionItem),
    chat_access: z.array(chatAccess),
    referred_by: z
      .object({ id: z.uuid(), first_name: z.string(), username: z.string().nullable() })
      .nullable(),
    partner: partnerStatsSummary,
    orders: z.object({ paid: z.number().int(), refunded: z.number().int() }),
  })
  .meta({ id: "UserOverview" });

export const ledgerQuery = z.object({
  before_id: z.coerce
    .number()
    .int()
    .positive()
    .optional()
    .describe("id of the last entry of the previous page"),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export const ledgerEntry = creditEntry.extend({ note: z.string().nullable() });
export const ledgerResponse = z.object({
  items: z.array(ledgerEntry),
  next_before_id: z.number().int().nullable(),
});

export const blockUserRequest = z.object({
  blocked: z.boolean(),
  reason: z.string().trim().min(1).max(500).optional(),
});

export const sendUserMessageRequest = z.object({
  text: z.string().trim().min(1).max(4096),
  bot_id: z.uuid().optional().describe("the bot to send through; by default the one the user first wrote to"),
});
export const userMessage = z
  .object({
    id: z.uuid(),
    user_id: z.uuid(),
    bot_id: z.uuid(),
    text: z.string(),
    status: z.enum(["queued", "sending", "sent", "skipped", "failed"]),
    created_at: timestamp,
  })
  .meta({ id: "UserMessage" });
