import { queryOptions } from "@tanstack/react-query";
import { ApiError, api, apiUrl } from "../../../lib/api.ts";
import { courseKeys } from "./courses-api.ts";

/**
 * Where the browser loads a lesson's Telegram file: the server downloads it through the course's
 * bot. `ref` is the file_id on screen; the server refuses it (409) when the saved one differs.
 */
export const lessonMediaUrl = (courseId: string, lessonId: string, ref: string) =>
  apiUrl(`/api/v1/courses/${courseId}/lessons/${lessonId}/media`, { ref });

/** Why a lesson's file did not load, for the preview to word it. */
export type LessonMediaProblem = "too_big" | "unsaved" | "missing" | "failed";

const problemOf = (error: ApiError): LessonMediaProblem => {
  if (error.code === "FILE_TOO_BIG") return "too_big";
  if (error.status === 409 && error.field === "ref") return "unsaved";
  if (error.status === 404) return "missing";
  return "failed";
};

/**
 * An img, video or audio element says only "error"; this asks the same URL once for the server's
 * answer (a file over 20 MB, an unsaved file_id...). Null when it loads after all.
 */
export const lessonMediaProblemQueryOptions = (url: string) =>
  queryOptions({
    queryKey: [...courseKeys.all, "media-problem", url] as const,
    queryFn: async ({ signal }): Promise<LessonMediaProblem | null> => {
      try {
        await api("GET", url, { signal });
        return null;
      } catch (error) {
        if (error instanceof ApiError) return problemOf(error);
        throw error;
      }
    },
    retry: false,
    staleTime: 60_000,
  });
