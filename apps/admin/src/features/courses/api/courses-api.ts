import {
  course,
  type courseRequest,
  courseStats,
  courseTariff,
  enrollment,
  lesson,
  lessonMediaCapture,
  lessonMediaCaptureStarted,
  type lessonRequest,
  type reviewRequest,
  submission,
} from "@lumen/contracts";
import { queryOptions } from "@tanstack/react-query";
import { z } from "zod";
import { api } from "../../../lib/api.ts";

export type Course = z.output<typeof course>;
export type CourseRequest = z.input<typeof courseRequest>;
export type CourseValues = z.output<typeof courseRequest>;
export type Lesson = z.output<typeof lesson>;
export type LessonValues = z.input<typeof lessonRequest>;
export type CourseTariff = z.output<typeof courseTariff>;
export type Enrollment = z.output<typeof enrollment>;
export type CourseStats = z.output<typeof courseStats>;
export type Submission = z.output<typeof submission>;
export type ReviewValues = z.input<typeof reviewRequest>;

const items = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) });

export const courseKeys = {
  all: ["courses"] as const,
  list: () => [...courseKeys.all, "list"] as const,
  details: (id: string) => [...courseKeys.all, "details", id] as const,
  lessons: (id: string) => [...courseKeys.all, "lessons", id] as const,
  tariffs: (id: string) => [...courseKeys.all, "tariffs", id] as const,
  stats: (id: string) => [...courseKeys.all, "stats", id] as const,
  enrollments: (code: string) => [...courseKeys.all, "enrollments", code] as const,
  submissions: ["submissions"] as const,
};

export const courseListQueryOptions = () =>
  queryOptions({
    queryKey: courseKeys.list(),
    queryFn: ({ signal }) => api("GET", "/api/v1/courses", { schema: items(course), signal }),
  });

export const courseQueryOptions = (id: string) =>
  queryOptions({
    queryKey: courseKeys.details(id),
    queryFn: ({ signal }) => api("GET", `/api/v1/courses/${id}`, { schema: course, signal }),
  });

export const lessonsQueryOptions = (id: string) =>
  queryOptions({
    queryKey: courseKeys.lessons(id),
    queryFn: ({ signal }) => api("GET", `/api/v1/courses/${id}/lessons`, { schema: items(lesson), signal }),
  });

export const tariffsQueryOptions = (id: string) =>
  queryOptions({
    queryKey: courseKeys.tariffs(id),
    queryFn: ({ signal }) =>
      api("GET", `/api/v1/courses/${id}/tariffs`, { schema: items(courseTariff), signal }),
  });

export const courseStatsQueryOptions = (id: string) =>
  queryOptions({
    queryKey: courseKeys.stats(id),
    queryFn: ({ signal }) => api("GET", `/api/v1/courses/${id}/stats`, { schema: courseStats, signal }),
  });

export const enrollmentsQueryOptions = (code: string) =>
  queryOptions({
    queryKey: courseKeys.enrollments(code),
    queryFn: ({ signal }) =>
      api("GET", "/api/v1/enrollments", { query: { course_code: code }, schema: items(enrollment), signal }),
  });

export const submissionsQueryOptions = () =>
  queryOptions({
    queryKey: courseKeys.submissions,
    queryFn: ({ signal }) => api("GET", "/api/v1/submissions", { schema: items(submission), signal }),
  });

export const createCourse = (values: CourseValues) =>
  api("POST", "/api/v1/courses", { body: values, schema: course });

export const patchCourse = ({ id, values }: { id: string; values: Partial<CourseValues> }) =>
  api("PATCH", `/api/v1/courses/${id}`, { body: values, schema: course });

/** Adds a lesson at the end, or with a lesson id changes it. */
export const saveLesson = ({
  courseId,
  lessonId,
  values,
}: {
  courseId: string;
  lessonId: string | null;
  values: LessonValues;
}) =>
  lessonId === null
    ? api("POST", `/api/v1/courses/${courseId}/lessons`, { body: values, schema: lesson })
    : api("PATCH", `/api/v1/courses/${courseId}/lessons/${lessonId}`, { body: values, schema: lesson });

export const reorderLessons = ({ courseId, lessonIds }: { courseId: string; lessonIds: string[] }) =>
  api("PUT", `/api/v1/courses/${courseId}/lessons/order`, {
    body: { lesson_ids: lessonIds },
    schema: items(lesson),
  });

export const setTariffChats = ({
  courseId,
  tariff,
  chatIds,
}: {
  courseId: string;
  tariff: CourseTariff["tariff"];
  chatIds: number[];
}) =>
  api("PUT", `/api/v1/courses/${courseId}/tariffs/${tariff}/chats`, {
    body: { chat_ids: chatIds },
    schema: items(courseTariff),
  });

export const claimSubmission = (id: string) =>
  api("POST", `/api/v1/submissions/${id}/claim`, { schema: submission });

export const reviewSubmission = ({ id, values }: { id: string; values: ReviewValues }) =>
  api("POST", `/api/v1/submissions/${id}/review`, { body: values, schema: submission });

export type LessonMediaCapture = z.output<typeof lessonMediaCapture>;

/** A one-time link to send this lesson's media to the course's bot from the operator's Telegram. */
export const startLessonMediaCapture = ({ courseId, lessonId }: { courseId: string; lessonId: string }) =>
  api("POST", `/api/v1/courses/${courseId}/lessons/${lessonId}/media-captures`, {
    schema: lessonMediaCaptureStarted,
  });

/** Polled every two seconds while the bot waits for the file; stops once it came or the link expired. */
export const lessonMediaCaptureQueryOptions = (id: string) =>
  queryOptions({
    queryKey: [...courseKeys.all, "media-capture", id] as const,
    queryFn: ({ signal }) =>
      api("GET", `/api/v1/media-captures/${id}`, { schema: lessonMediaCapture, signal }),
    refetchInterval: (query) => {
      const status = query.state.data?.status;
      return status === "completed" || status === "expired" ? false : 2_000;
    },
  });
