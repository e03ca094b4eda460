import { z } from "zod";
import { timestamp } from "./common.ts";

export const channel = z
  .object({
    id: z.uuid(),
    bot_id: z.uuid(),
    chat_id: z.number().int(),
    title: z.string(),
    type: z.enum(["channel", "supergroup", "group"]),
    username: z.string().nullable(),
    bot_status: z.enum(["administrator", "member", "left", "kicked", "restricted"]),
    can_invite_users: z.boolean(),
    can_restrict_members: z.boolean(),
    join_mode: z.enum(["invite_link", "join_request"]),
    missing_rights: z.array(z.enum(["administrator", "can_invite_users", "can_restrict_members"])),
    status_changed_at: timestamp,
  })
  .meta({ id: "Channel" });

export const joinMode = z.enum(["invite_link", "join_request"]);
export const joinState = z.enum(["joined", "invited", "invite_expired", "invite_revoked", "not_invited"]);

export const accessHolder = z.object({
  user: z.object({
    id: z.uuid(),
    telegram_id: z.number().int(),
    first_name: z.string(),
    last_name: z.string().nullable(),
    username: z.string().nullable(),
  }),
  subscription: z.object({
    id: z.uuid(),
    title: z.string(),
    plan_code: z.string(),
    status: z.string(),
    starts_at: timestamp,
    ends_at: timestamp,
  }),
  join_state: joinState,
  joined_at: timestamp.nullable(),
  invite: z
    .object({
      invite_link: z.string(),
      creates_join_request: z.boolean(),
      created_at: timestamp,
      expires_at: timestamp,
      used_at: timestamp.nullable(),
      revoked_at: timestamp.nullable(),
    })
    .nullable(),
});

export const channelDetail = channel
  .extend({
    access: z.object({
      holders: z
        .array(accessHolder)
        .describe("Users with a live plan covering the chat, soonest-ending first"),
      total: z.number().int().describe("How many users have access in all (holders lists at most 200)"),
    }),
  })
  .meta({ id: "ChannelDetail" });

export const updateChannelRequest = z.object({ join_mode: joinMode });

export const accessEventKind = z.enum([
  "invite_issued",
  "member_joined",
  "stranger_removed",
  "join_request_offered",
  "join_request_approved",
  "join_request_declined",
  "reminder_sent",
  "access_expired",
  "member_removed",
]);

export const accessLogEntry = z
  .object({
    id: z.number().int(),
    kind: accessEventKind,
    bot_id: z.uuid().nullable(),
    chat_id: z.number().int(),
    user_id: z.uuid().nullable(),
    telegram_user_id: z.number().int().nullable(),
    subscription_id: z.uuid().nullable(),
    invite_link: z.string().nullable(),
    data: z.record(z.string(), z.unknown()),
    occurred_at: timestamp,
    user: z
      .object({ telegram_id: z.number().int(), first_name: z.string(), username: z.string().nullable() })
      .nullable(),
  })
  .meta({ id: "AccessLogEntry" });

export const accessLogQuery = z.object({
  kind: z
    .string()
    .optional()
    .describe("One event kind, or several separated by commas")
    .transform((value) => (value ? value.split(",").map((k) => k.trim()) : undefined))
    .pipe(z.array(accessEventKind).optional()),
  user_id: z.uuid().optional(),
  from: timestamp.optional().describe("Events at or after this time"),
  to: timestamp.optional().describe("Events before this time"),
  cursor: z
    .string()
    .regex(/^\d{1,15}\.\d{1,18}$/, "is not a cursor this API gave out")
    .optional()
    .describe("next_cursor of the previous page"),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const accessLogPage = z.object({
  items: z.array(accessLogEntry),
  next_cursor: z.string().nullable(),
});
