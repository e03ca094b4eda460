import {
  camelKeys,
  course,
  coursePatchRequest,
  courseRequest,
  courseStats,
  courseTariff,
  enrollment,
  enrollmentListQuery,
  errorResponse,
  lesson,
  lessonMediaCapture,
  lessonMediaCaptureStarted,
  lessonOrderRequest,
  lessonParams,
  lessonPatchRequest,
  lessonRequest,
  reviewRequest,
  type SubmissionStatusName,
  snakeKeys,
  submission,
  submissionListQuery,
  tariffChatsRequest,
  tariffParams,
  uuidParam,
} from "@lumen/contracts";
import {
  addLesson,
  type CoreContext,
  claimSubmission,
  createCourse,
  getCourse,
  isLumenError,
  listCourses,
  listCourseTariffs,
  listEnrollments,
  listLessons,
  listSubmissions,
  readCourseStats,
  readLessonMediaCapture,
  readSubmission,
  reorderLessons,
  reviewSubmission,
  type SubmissionView,
  setTariffChats,
  startLessonMediaCapture,
  toActor,
  updateCourse,
  updateLesson,
} from "@lumen/core";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { principalOf, type RequireAuth } from "../../http/auth.ts";

const tags = ["courses"];

/** Core names fields as it reads them (camelCase); the API names them as clients send them. */
const snakeField = <T>(work: Promise<T>): Promise<T> =>
  work.catch((error: unknown) => {
    if (isLumenError(error) && typeof error.details.field === "string")
      error.details.field = error.details.field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
    throw error;
  });

/** A submission as the review queue shows it: the student, the lesson, the answer, the review. */
const submissionBody = (v: SubmissionView) => ({
  id: v.submission.id,
  course_id: v.course.id,
  course_title: v.course.title,
  lesson_id: v.lesson.id,
  lesson_position: v.lesson.position,
  lesson_title: v.lesson.title,
  homework_prompt: v.lesson.homeworkPrompt,
  student_name: [v.student.firstName, v.student.lastName].filter(Boolean).join(" "),
  tariff: v.enrollment.tariff,
  status: v.submission.status,
  items: v.submission.items.map((i) => ({
    kind: i.kind,
    ...(i.text !== undefined ? { text: i.text } : {}),
    ...(i.fileId !== undefined ? { file_id: i.fileId } : {}),
  })),
  reviewer_id: v.submission.reviewerId,
  reviewer_email: v.reviewerEmail,
  grade: v.submission.grade,
  feedback: v.submission.feedback,
  created_at: v.submission.createdAt,
  claimed_at: v.submission.claimedAt,
  first_reviewed_at: v.submission.firstReviewedAt,
  reviewed_at: v.submission.reviewedAt,
});

/** Courses, their lessons, enrollments, and the homework review queue. */
export const courseRoutes =
  (deps: { core: CoreContext; requireAuth: RequireAuth }): FastifyPluginAsyncZod =>
  async (app) => {
    const admin = deps.requireAuth("admin");
    const operator = deps.requireAuth("operator");
    const reviewer = deps.requireAuth("reviewer");
    const actor = (request: Parameters<typeof principalOf>[0]) => toActor(principalOf(request), request.ip);

    app.get(
      "/api/v1/courses",
      {
        schema: {
          tags,
          summary: "Courses, oldest first",
          response: { 200: z.object({ items: z.array(course) }) },
        },
        preHandler: operator,
      },
      async () => ({ items: snakeKeys(await listCourses(deps.core.db)) }),
    );
    app.post(
      "/api/v1/courses",
      {
        schema: {
          tags,
          summary: "Create a course (admin); sell its tariffs as catalog products naming its code",
          body: courseRequest,
          response: { 201: course, 400: errorResponse, 409: errorResponse },
        },
        preHandler: admin,
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(
            snakeKeys(await snakeField(createCourse(deps.core, actor(request), camelKeys(request.body)))),
          ),
    );
    app.get(
      "/api/v1/courses/:id",
      {
        schema: {
          tags,
          summary: "One course",
          params: uuidParam,
          response: { 200: course, 404: errorResponse },
        },
        preHandler: operator,
      },
      async (request) => snakeKeys(await getCourse(deps.core.db, request.params.id)),
    );
    app.patch(
      "/api/v1/courses/:id",
      {
        schema: {
          tags,
          summary:
            "Change a course (admin): texts, bot, reviewers' chat, default schedule, draft or published",
          params: uuidParam,
          body: coursePatchRequest,
          response: { 200: course, 400: errorResponse, 404: errorResponse, 409: errorResponse },
        },
        preHandler: admin,
      },
      async (request) =>
        snakeKeys(
          await snakeField(
            updateCourse(deps.core, actor(request), request.params.id, camelKeys(request.body)),
          ),
        ),
    );
    app.get(
      "/api/v1/courses/:id/lessons",
      {
        schema: {
          tags,
          summary: "A course's lessons by day",
          params: uuidParam,
          response: { 200: z.object({ items: z.array(lesson) }), 404: errorResponse },
        },
        preHandler: operator,
      },
      async (request) => {
        await getCourse(deps.core.db, request.params.id);
        return { items: snakeKeys(await listLessons(deps.core.db, request.params.id)) };
      },
    );
    app.post(
      "/api/v1/courses/:id/lessons",
      {
        schema: {
          tags,
          summary: "Add a lesson after the last one (admin)",
          params: uuidParam,
          body: lessonRequest,
          response: { 201: lesson, 400: errorResponse, 404: errorResponse },
        },
        preHandler: admin,
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(
            snakeKeys(
              await snakeField(
                addLesson(deps.core, actor(request), request.params.id, camelKeys(request.body)),
              ),
            ),
          ),
    );
    app.patch(
      "/api/v1/courses/:id/lessons/:lesson_id",
      {
        schema: {
          tags,
          summary: "Change a lesson (admin)",
          params: lessonParams,
          body: lessonPatchRequest,
          response: { 200: lesson, 400: errorResponse, 404: errorResponse },
        },
        preHandler: admin,
      },
      async (request) =>
        snakeKeys(
          await snakeField(
            updateLesson(
              deps.core,
              actor(request),
              request.params.id,
              request.params.lesson_id,
              camelKeys(request.body),
            ),
          ),
        ),
    );
    app.put(
      "/api/v1/courses/:id/lessons/order",
      {
        schema: {
          tags,
          summary: "Put the lessons in this order (admin): every lesson once; days become 1..n",
          params: uuidParam,
          body: lessonOrderRequest,
          response: { 200: z.object({ items: z.array(lesson) }), 400: errorResponse, 404: errorResponse },
        },
        preHandler: admin,
      },
      async (request) => ({
        items: snakeKeys(
          await reorderLessons(deps.core, actor(request), request.params.id, request.body.lesson_ids),
        ),
      }),
    );
    app.post(
      "/api/v1/courses/:id/lessons/:lesson_id/media-captures",
      {
        schema: {
          tags,
          summary:
            "Send a lesson's media through the bot (admin, signed in with Telegram linked): a one-time link for 10 minutes",
          params: lessonParams,
          response: {
            201: lessonMediaCaptureStarted,
            400: errorResponse,
            403: errorResponse,
            404: errorResponse,
            409: errorResponse,
          },
        },
        preHandler: admin,
      },
      async (request, reply) => {
        const { capture, token } = await startLessonMediaCapture(deps.core, actor(request), {
          courseId: request.params.id,
          lessonId: request.params.lesson_id,
        });
        const url = `https://t.me/${capture.botUsername}?start=media_${token}`;
        return reply.status(201).send({ ...snakeKeys(capture), url });
      },
    );
    app.get(
      "/api/v1/media-captures/:id",
      {
        schema: {
          tags,
          summary: "Where a media capture stands, polled by the operator who started it (admin)",
          params: uuidParam,
          response: { 200: lessonMediaCapture, 400: errorResponse, 404: errorResponse },
        },
        preHandler: admin,
      },
      async (request) =>
        snakeKeys(await readLessonMediaCapture(deps.core, actor(request), request.params.id)),
    );
    app.get(
      "/api/v1/courses/:id/tariffs",
      {
        schema: {
          tags,
          summary: "A course's tariffs: the catalog products selling each and the chats each opens",
          params: uuidParam,
          response: { 200: z.object({ items: z.array(courseTariff) }), 404: errorResponse },
        },
        preHandler: operator,
      },
      async (request) => ({ items: snakeKeys(await listCourseTariffs(deps.core.db, request.params.id)) }),
    );
    app.get(
      "/api/v1/courses/:id/stats",
      {
        schema: {
          tags,
          summary:
            "A course's figures: places by tariff and status, drop-off and quiz answers by lesson, homework turnaround",
          params: uuidParam,
          response: { 200: courseStats, 400: errorResponse, 404: errorResponse },
        },
        preHandler: operator,
      },
      async (request) => snakeKeys(await readCourseStats(deps.core, actor(request), request.params.id)),
    );
    app.put(
      "/api/v1/courses/:id/tariffs/:tariff/chats",
      {
        schema: {
          tags,
          summary: "Set the chats a tariff's students get personal invite links to (admin)",
          params: tariffParams,
          body: tariffChatsRequest,
          response: {
            200: z.object({ items: z.array(courseTariff) }),
            400: errorResponse,
            404: errorResponse,
          },
        },
        preHandler: admin,
      },
      async (request) => {
        await setTariffChats(deps.core, actor(request), request.params.id, {
          tariff: request.params.tariff,
          chatIds: request.body.chat_ids,
        });
        return { items: snakeKeys(await listCourseTariffs(deps.core.db, request.params.id)) };
      },
    );
    app.get(
      "/api/v1/enrollments",
      {
        schema: {
          tags,
          summary: "Places on courses, newest first, with each student's progress",
          querystring: enrollmentListQuery,
          response: { 200: z.object({ items: z.array(enrollment) }), 400: errorResponse },
        },
        preHandler: operator,
      },
      async (request) => ({
        items: snakeKeys(await listEnrollments(deps.core.db, { courseCode: request.query.course_code })),
      }),
    );
    app.get(
      "/api/v1/submissions",
      {
        schema: {
          tags,
          summary: "The homework review queue: PREMIUM first, then oldest first (reviewer)",
          querystring: submissionListQuery,
          response: { 200: z.object({ items: z.array(submission) }), 400: errorResponse },
        },
        preHandler: reviewer,
      },
      async (request) => {
        const statuses = (request.query.status ?? "queued,in_review").split(",") as SubmissionStatusName[];
        const rows = await listSubmissions(deps.core.db, { courseId: request.query.course_id, statuses });
        return { items: rows.map(submissionBody) };
      },
    );
    app.post(
      "/api/v1/submissions/:id/claim",
      {
        schema: {
          tags,
          summary: "Take a submission to review: one reviewer at a time (reviewer)",
          params: uuidParam,
          response: { 200: submission, 404: errorResponse, 409: errorResponse },
        },
        preHandler: reviewer,
      },
      async (request) => {
        await claimSubmission(deps.core, actor(request), { submissionId: request.params.id });
        return submissionBody(await readSubmission(deps.core.db, request.params.id));
      },
    );
    app.post(
      "/api/v1/submissions/:id/review",
      {
        schema: {
          tags,
          summary:
            "Review a submission: feedback and grade, or redo; the student gets it through the bot (reviewer)",
          params: uuidParam,
          body: reviewRequest,
          response: { 200: submission, 400: errorResponse, 404: errorResponse, 409: errorResponse },
        },
        preHandler: reviewer,
      },
      async (request) => {
        await reviewSubmission(deps.core, actor(request), {
          submissionId: request.params.id,
          verdict: request.body.verdict,
          grade: request.body.grade ?? null,
          feedback: request.body.feedback,
        });
        return submissionBody(await readSubmission(deps.core.db, request.params.id));
      },
    );
  };
