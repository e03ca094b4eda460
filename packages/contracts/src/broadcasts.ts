import { z } from "zod";
import { timestamp } from "./common.ts";

export const broadcastStatusValues = [
  "draft",
  "scheduled",
  "sending",
  "paused",
  "done",
  "cancelled",
] as const;
export const broadcastSegmentValues = [
  "everyone",
  "language",
  "trial",
  "paying",
  "active_plan",
  "plan_ending",
  "plan_expired",
  "never_paid",
  "inactive",
  "course",
  "list",
] as const;
export const broadcastButtonKinds = ["url", "mini_app", "product", "trial"] as const;
export const broadcastLanguageValues = ["en", "ru"] as const;

const language = z.enum(broadcastLanguageValues);

export const broadcastSegmentParams = z.object({
  language: language.optional().describe("language segment: the users' language"),
  product_id: z.uuid().optional().describe("active_plan, plan_ending, plan_expired: only this plan product"),
  days: z
    .number()
    .int()
    .min(1)
    .max(3650)
    .optional()
    .describe("plan_ending: within N days; inactive: for N days"),
  list_id: z.uuid().optional().describe("list segment: a saved list of Telegram ids"),
  course_code: z
    .string()
    .trim()
    .min(1)
    .max(64)
    .optional()
    .describe("course segment: only students of this course (its code); absent: any course"),
});

export const broadcastButton = z.object({
  kind: z.enum(broadcastButtonKinds),
  label: z.partialRecord(language, z.string().trim().min(1).max(64)).describe("per language"),
  url: z.string().max(512).optional().describe("url buttons: http(s) address"),
  product_id: z.uuid().optional().describe("product buttons: the product the button opens"),
});

export const broadcastContent = z.object({
  texts: z
    .partialRecord(language, z.string().max(4096))
    .describe("HTML (Telegram's formatting) per language; {first_name} is replaced by the recipient's name"),
  fallback_language: language.describe("used for recipients whose language has no text"),
  media: z
    .object({ kind: z.enum(["photo", "video", "document"]), file: z.string().min(1).max(512) })
    .optional()
    .describe("an HTTP URL or a Telegram file_id; the text becomes its caption (1024 characters at most)"),
  buttons: z.array(broadcastButton).max(8),
});

export const broadcastRequest = z.object({
  bot_id: z.uuid(),
  title: z.string().trim().min(1).max(200),
  segment: z.enum(broadcastSegmentValues),
  segment_params: broadcastSegmentParams.optional(),
  content: broadcastContent,
  rate_per_second: z.number().int().min(1).max(1000).optional().describe("messages per second; default 25"),
  allow_paid_broadcast: z
    .boolean()
    .optional()
    .describe("above 30 messages/s Telegram charges Stars per message; required for such rates"),
});

/** What is stored, as it is read back (languages as plain strings). */
const storedContent = z.object({
  texts: z.record(z.string(), z.string()),
  fallback_language: z.string(),
  media: z.object({ kind: z.enum(["photo", "video", "document"]), file: z.string() }).optional(),
  buttons: z.array(
    z.object({
      kind: z.enum(broadcastButtonKinds),
      label: z.record(z.string(), z.string()),
      url: z.string().optional(),
      product_id: z.string().optional(),
    }),
  ),
});

export const broadcast = z
  .object({
    id: z.uuid(),
    bot_id: z.uuid(),
    title: z.string(),
    status: z.enum(broadcastStatusValues),
    segment: z.enum(broadcastSegmentValues),
    segment_params: z.object({
      language: z.string().optional(),
      product_id: z.string().optional(),
      days: z.number().int().optional(),
      list_id: z.string().optional(),
      course_code: z.string().optional(),
    }),
    content: storedContent,
    scheduled_at: timestamp.nullable(),
    rate_per_second: z.number().int(),
    allow_paid_broadcast: z.boolean(),
    paused_until: timestamp.nullable(),
    targeted: z.number().int().nullable(),
    started_at: timestamp.nullable(),
    finished_at: timestamp.nullable(),
    created_at: timestamp,
  })
  .meta({ id: "Broadcast" });

export const audienceCountRequest = z.object({
  bot_id: z.uuid(),
  segment: z.enum(broadcastSegmentValues),
  segment_params: broadcastSegmentParams.optional(),
});

export const scheduleRequest = z.object({
  at: timestamp.optional().describe("when to send; now when absent or in the past"),
});

export const previewRequest = z.object({ language: language.optional() });

export const broadcastReport = z
  .object({
    broadcast_id: z.uuid(),
    status: z.enum(broadcastStatusValues),
    targeted: z.number().int(),
    pending: z.number().int(),
    sent: z.number().int(),
    failed: z.number().int(),
    blocked: z.number().int(),
    interrupted: z.number().int().describe("claimed by a worker that stopped mid-send: never resent"),
    failed_by_reason: z.array(z.object({ reason: z.string(), count: z.number().int() })),
    by_language: z.array(z.object({ language: z.string(), sent: z.number().int() })),
    clicks: z.number().int(),
    clickers: z.number().int(),
    clicks_by_button: z.array(z.object({ button: z.number().int(), clicks: z.number().int() })),
    revenue: z
      .array(z.object({ currency: z.string(), amount: z.number().int(), orders: z.number().int() }))
      .describe("paid orders placed within 72 h of receiving the broadcast, per currency (minor units)"),
  })
  .meta({ id: "BroadcastReport" });

export const broadcastListRequest = z.object({
  name: z.string().trim().min(1).max(200),
  csv: z
    .string()
    .min(1)
    .max(1_000_000)
    .describe("a Telegram id per line (first column); a header line is skipped"),
});

export const broadcastList = z.object({
  id: z.uuid(),
  name: z.string(),
  size: z.number().int(),
  created_at: timestamp,
});

export type Broadcast = z.infer<typeof broadcast>;
export type BroadcastRequest = z.input<typeof broadcastRequest>;
export type BroadcastReportBody = z.infer<typeof broadcastReport>;
