import { z } from "zod";
import { timestamp } from "./common.ts";

/** A completion certificate as anyone checking its code sees it. */
export const certificateResponse = z
  .object({
    code: z.string(),
    student_name: z.string(),
    course_title: z.string(),
    issued_at: timestamp,
  })
  .meta({ id: "Certificate" });

export const certificateCodeParam = z.object({
  code: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9]{6,20}$/, "letters and digits, as printed on the certificate"),
});

export const tariffName = z.enum(["BASIC", "FEEDBACK", "PREMIUM"]);
export const enrollmentStatus = z.enum(["active", "paused", "completed", "refunded"]);
const hour = z.number().int().min(0).max(23);

export const course = z
  .object({
    id: z.uuid(),
    code: z.string(),
    title: z.string(),
    description: z.string(),
    cover_url: z.string().nullable(),
    language: z.enum(["en", "ru"]),
    bot_id: z.uuid().nullable(),
    status: z.enum(["draft", "published"]),
    reviewers_chat_id: z.number().int().nullable(),
    default_timezone: z.string(),
    default_delivery_hour: z.number().int(),
    created_at: timestamp,
  })
  .meta({ id: "Course" });

export const courseRequest = z.object({
  code: z
    .string()
    .trim()
    .min(1)
    .max(100)
    .regex(/^[a-z0-9][a-z0-9_-]*$/, "lowercase letters, digits, - and _")
    .describe("what catalog products of kind course name as course_code"),
  title: z.string().trim().min(1).max(200),
  description: z.string().max(4000).optional(),
  cover_url: z.url().max(1000).nullable().optional(),
  language: z.enum(["en", "ru"]).optional(),
  bot_id: z.uuid().nullable().optional(),
  status: z.enum(["draft", "published"]).optional(),
  reviewers_chat_id: z.number().int().nullable().optional(),
  default_timezone: z.string().trim().min(1).max(64).optional().describe("an IANA zone, e.g. Europe/Moscow"),
  default_delivery_hour: hour.optional(),
});
export const coursePatchRequest = courseRequest.partial();

const quiz = z.object({
  question: z.string().trim().min(1).max(300),
  options: z.array(z.string().trim().min(1).max(100)).min(2).max(10),
  answer: z.number().int().min(0).max(9).describe("the index of the right option"),
});

export const lesson = z
  .object({
    id: z.uuid(),
    course_id: z.uuid(),
    position: z.number().int(),
    title: z.string(),
    text: z.string(),
    media_kind: z.enum(["photo", "video", "document", "voice"]).nullable(),
    media_ref: z.string().nullable(),
    homework_prompt: z.string().nullable(),
    homework_required: z.boolean(),
    quiz: quiz.nullable(),
  })
  .meta({ id: "Lesson" });

export const lessonRequest = z.object({
  title: z.string().trim().min(1).max(200),
  text: z.string().min(1).max(4000).describe("Telegram HTML"),
  media_kind: z.enum(["photo", "video", "document", "voice"]).nullable().optional(),
  media_ref: z
    .string()
    .trim()
    .min(1)
    .max(1000)
    .nullable()
    .optional()
    .describe("a Telegram file_id or an https URL"),
  homework_prompt: z.string().trim().min(1).max(2000).nullable().optional(),
  homework_required: z.boolean().optional(),
  quiz: quiz.nullable().optional(),
});
export const lessonPatchRequest = lessonRequest.partial();
export const lessonOrderRequest = z.object({ lesson_ids: z.array(z.uuid()).min(1).max(1000) });
export const lessonParams = z.object({ id: z.uuid(), lesson_id: z.uuid() });

/**
 * Sending a lesson's media through the bot: the operator opens `url` in Telegram and sends a file;
 * the panel polls the capture until it is `completed` (the lesson then has the file) or `expired`.
 */
export const lessonMediaCapture = z
  .object({
    id: z.uuid(),
    course_id: z.uuid(),
    lesson_id: z.uuid(),
    status: z
      .enum(["waiting", "opened", "completed", "expired"])
      .describe("waiting: link not opened yet; opened: the bot waits for the file"),
    media_kind: z.enum(["photo", "video", "document", "voice"]).nullable(),
    media_ref: z.string().nullable().describe("the Telegram file_id, once completed"),
    bot_username: z.string(),
    expires_at: timestamp,
  })
  .meta({ id: "LessonMediaCapture" });
export const lessonMediaCaptureStarted = lessonMediaCapture
  .extend({ url: z.string().describe("the deep link to open in Telegram: t.me/<bot>?start=media_<token>") })
  .meta({ id: "LessonMediaCaptureStarted" });

export const enrollment = z
  .object({
    id: z.uuid(),
    user_id: z.uuid(),
    student_name: z.string(),
    course_code: z.string(),
    tariff: tariffName,
    status: enrollmentStatus,
    starts_at: timestamp,
    timezone: z.string(),
    delivery_hour: z.number().int(),
    current_day: z.number().int(),
    lessons_done: z.number().int(),
    blocked_at: timestamp.nullable(),
    completed_at: timestamp.nullable(),
    created_at: timestamp,
  })
  .meta({ id: "Enrollment" });
export const enrollmentListQuery = z.object({ course_code: z.string().trim().min(1).max(100).optional() });

const submissionStatus = z.enum(["acknowledged", "queued", "in_review", "accepted", "redo"]);
export type SubmissionStatusName = z.infer<typeof submissionStatus>;
export const submission = z
  .object({
    id: z.uuid(),
    course_id: z.uuid(),
    course_title: z.string(),
    lesson_id: z.uuid(),
    lesson_position: z.number().int(),
    lesson_title: z.string(),
    homework_prompt: z.string().nullable(),
    student_name: z.string(),
    tariff: tariffName,
    status: submissionStatus,
    items: z.array(
      z.object({
        kind: z.enum(["text", "photo", "document", "voice"]),
        text: z.string().optional(),
        file_id: z.string().optional(),
      }),
    ),
    reviewer_id: z.uuid().nullable(),
    reviewer_email: z.string().nullable().describe("who holds or reviewed it"),
    grade: z.number().int().nullable(),
    feedback: z.string().nullable(),
    created_at: timestamp,
    claimed_at: timestamp.nullable(),
    first_reviewed_at: timestamp.nullable(),
    reviewed_at: timestamp.nullable(),
  })
  .meta({ id: "Submission" });
export const submissionListQuery = z.object({
  course_id: z.uuid().optional(),
  status: z
    .string()
    .regex(/^(acknowledged|queued|in_review|accepted|redo)(,(acknowledged|queued|in_review|accepted|redo))*$/)
    .optional()
    .describe("comma-separated statuses; default queued,in_review"),
});
export const reviewRequest = z.object({
  verdict: z.enum(["accepted", "redo"]),
  grade: z.number().int().min(1).max(10).nullable().optional(),
  feedback: z.string().trim().min(1).max(3500),
});

export const courseTariff = z
  .object({
    tariff: tariffName,
    products: z.array(
      z.object({
        id: z.uuid(),
        title: z.string(),
        active: z.boolean(),
        prices: z.array(z.object({ currency: z.string(), amount: z.number().int() })),
      }),
    ),
    chat_ids: z.array(z.number().int()),
  })
  .meta({ id: "CourseTariff" });
export const tariffParams = z.object({ id: z.uuid(), tariff: tariffName });
export const tariffChatsRequest = z.object({
  chat_ids: z
    .array(z.number().int())
    .max(20)
    .describe("the chats (group, channel) this tariff's students are invited to"),
});

const seconds = z.number().int().nullable();
/** A course's figures: places by tariff and status, drop-off by lesson, review turnaround. */
export const courseStats = z
  .object({
    enrollments: z.array(
      z.object({
        tariff: tariffName,
        status: enrollmentStatus,
        count: z.number().int(),
      }),
    ),
    lessons: z.array(
      z.object({
        lesson_id: z.uuid(),
        position: z.number().int(),
        title: z.string(),
        reached: z.number().int().describe("places (not refunded) the lesson was sent to"),
        completed: z.number().int().describe("of those, marked done, quiz answered or homework handed in"),
        has_quiz: z.boolean(),
        quiz_answered: z.number().int(),
        quiz_correct: z.number().int(),
      }),
    ),
    homework: z.object({
      queued: z.number().int(),
      in_review: z.number().int(),
      reviewed: z.number().int(),
      median_seconds: seconds.describe("from hand-in to the first review"),
      p90_seconds: seconds,
      by_reviewer: z.array(
        z.object({
          reviewer_id: z.uuid(),
          email: z.string().nullable(),
          in_review: z.number().int(),
          reviewed: z.number().int(),
          median_seconds: seconds,
          p90_seconds: seconds,
        }),
      ),
    }),
  })
  .meta({ id: "CourseStats" });
