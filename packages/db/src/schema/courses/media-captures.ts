import { bigint, index, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { at, idColumn, timestamps } from "../_columns.ts";
import { admins } from "../auth/admins.ts";
import { bots } from "../bots/bots.ts";
import { courseLessons, lessonMediaKinds } from "./courses.ts";

/**
 * An operator sending a lesson's media to the course's bot: the panel asks for one, the operator
 * opens `t.me/<bot>?start=media_<token>`, and their next photo, video, document or voice there
 * becomes the lesson's media. Bound to one operator, one lesson and one bot, because a Telegram
 * file_id is only valid for the bot that received it. Short-lived, used once.
 */
export const courseLessonMediaCaptures = pgTable(
  "course_lesson_media_captures",
  {
    id: idColumn(),
    /** sha256 of the token in the deep link; the token itself is shown once. */
    tokenHash: text("token_hash").notNull().unique(),
    adminId: uuid("admin_id")
      .notNull()
      .references(() => admins.id, { onDelete: "cascade" }),
    lessonId: uuid("lesson_id")
      .notNull()
      .references(() => courseLessons.id, { onDelete: "cascade" }),
    botId: uuid("bot_id")
      .notNull()
      .references(() => bots.id, { onDelete: "cascade" }),
    /** Set when the operator opened the link in the bot: from then their media there is taken. */
    telegramUserId: bigint("telegram_user_id", { mode: "number" }),
    openedAt: at("opened_at"),
    completedAt: at("completed_at"),
    mediaKind: text("media_kind", { enum: lessonMediaKinds }),
    mediaRef: text("media_ref"),
    expiresAt: at("expires_at").notNull(),
    ...timestamps,
  },
  (t) => [index("course_lesson_media_captures_waiting_idx").on(t.telegramUserId, t.botId)],
);

export type CourseLessonMediaCaptureRow = typeof courseLessonMediaCaptures.$inferSelect;
