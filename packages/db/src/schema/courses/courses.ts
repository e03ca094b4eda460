import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  check,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { idColumn, timestamps } from "../_columns.ts";
import { bots } from "../bots/bots.ts";
import { courseTariffs } from "./tariffs.ts";

export const courseStatuses = ["draft", "published"] as const;
export type CourseStatus = (typeof courseStatuses)[number];

/**
 * A course taught by a bot. Its `code` is what catalog products of kind "course" name: each
 * such product is one tariff of the course, with the product's prices.
 */
export const courses = pgTable("courses", {
  id: idColumn(),
  code: text("code").notNull().unique(),
  title: text("title").notNull(),
  description: text("description").notNull().default(""),
  coverUrl: text("cover_url"),
  language: text("language", { enum: ["en", "ru"] })
    .notNull()
    .default("en"),
  /** The bot that teaches the course; null: the first enabled bot. */
  botId: uuid("bot_id").references(() => bots.id),
  status: text("status", { enum: courseStatuses }).notNull().default("draft"),
  /** The reviewers' Telegram chat, where homework of FEEDBACK and PREMIUM students goes. */
  reviewersChatId: bigint("reviewers_chat_id", { mode: "number" }),
  /** What a student who has not chosen gets at onboarding. */
  defaultTimezone: text("default_timezone").notNull().default("UTC"),
  defaultDeliveryHour: integer("default_delivery_hour").notNull().default(9),
  ...timestamps,
});

export const lessonMediaKinds = ["photo", "video", "document", "voice"] as const;
export type LessonMediaKind = (typeof lessonMediaKinds)[number];

/** One question with options; `answer` is the index of the right option. */
export type LessonQuiz = { question: string; options: string[]; answer: number };

/** Day `position` of a course: what the bot sends that day. */
export const courseLessons = pgTable(
  "course_lessons",
  {
    id: idColumn(),
    courseId: uuid("course_id")
      .notNull()
      .references(() => courses.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    title: text("title").notNull(),
    /** Telegram HTML. */
    text: text("text").notNull(),
    mediaKind: text("media_kind", { enum: lessonMediaKinds }),
    /** A Telegram file_id or an https URL. */
    mediaRef: text("media_ref"),
    homeworkPrompt: text("homework_prompt"),
    homeworkRequired: boolean("homework_required").notNull().default(false),
    quiz: jsonb("quiz").$type<LessonQuiz>(),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("course_lessons_position_idx").on(t.courseId, t.position),
    check("course_lessons_position_positive", sql`${t.position} > 0`),
  ],
);

/** A tariff's chats (group, channel, private chat): personal invite links at onboarding. */
export const courseTariffChats = pgTable(
  "course_tariff_chats",
  {
    courseId: uuid("course_id")
      .notNull()
      .references(() => courses.id, { onDelete: "cascade" }),
    tariff: text("tariff", { enum: courseTariffs }).notNull(),
    chatIds: bigint("chat_ids", { mode: "number" }).array().notNull().default(sql`'{}'`),
  },
  (t) => [primaryKey({ columns: [t.courseId, t.tariff] })],
);

export type CourseRow = typeof courses.$inferSelect;
export type CourseLessonRow = typeof courseLessons.$inferSelect;
export type CourseTariffChatsRow = typeof courseTariffChats.$inferSelect;
