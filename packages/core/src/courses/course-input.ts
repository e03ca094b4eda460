import { courseStatuses, courseTariffs, lessonMediaKinds } from "@lumen/db";
import { z } from "zod";
import { isValidTimezone } from "./zoned-time.ts";

export const timezoneInput = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .refine(isValidTimezone, "is not a time zone (an IANA name such as Europe/Moscow)");
export const deliveryHourInput = z.number().int().min(0).max(23);

export const courseInput = z.object({
  code: z
    .string()
    .trim()
    .min(1)
    .max(100)
    .regex(/^[a-z0-9][a-z0-9_-]*$/, "lowercase letters, digits, - and _"),
  title: z.string().trim().min(1).max(200),
  description: z.string().max(4000).default(""),
  coverUrl: z.url().max(1000).nullable().default(null),
  language: z.enum(["en", "ru"]).default("en"),
  botId: z.uuid().nullable().default(null),
  status: z.enum(courseStatuses).default("draft"),
  reviewersChatId: z.number().int().nullable().default(null),
  defaultTimezone: timezoneInput.default("UTC"),
  defaultDeliveryHour: deliveryHourInput.default(9),
});
export const coursePatch = courseInput.partial();
export type CourseInput = z.input<typeof courseInput>;

const quizInput = z
  .object({
    question: z.string().trim().min(1).max(300),
    options: z.array(z.string().trim().min(1).max(100)).min(2).max(10),
    answer: z.number().int().min(0),
  })
  .refine((q) => q.answer < q.options.length, { message: "must be one of the options", path: ["answer"] });

const lessonFields = z.object({
  title: z.string().trim().min(1).max(200),
  text: z.string().min(1).max(4000),
  mediaKind: z.enum(lessonMediaKinds).nullable().default(null),
  mediaRef: z.string().trim().min(1).max(1000).nullable().default(null),
  homeworkPrompt: z.string().trim().min(1).max(2000).nullable().default(null),
  homeworkRequired: z.boolean().default(false),
  quiz: quizInput.nullable().default(null),
});

const mediaConsistent = (l: { mediaKind?: string | null; mediaRef?: string | null }) =>
  (l.mediaKind == null) === (l.mediaRef == null);
const homeworkConsistent = (l: { homeworkRequired?: boolean; homeworkPrompt?: string | null }) =>
  !l.homeworkRequired || !!l.homeworkPrompt;

export const lessonInput = lessonFields
  .refine(mediaConsistent, { message: "media needs both a kind and a file_id or URL", path: ["mediaRef"] })
  .refine(homeworkConsistent, { message: "required homework needs a prompt", path: ["homeworkPrompt"] });
export const lessonPatch = lessonFields.partial();
export type LessonInput = z.input<typeof lessonInput>;

export const tariffChatsInput = z.object({
  tariff: z.enum(courseTariffs),
  chatIds: z.array(z.number().int()).max(20),
});
