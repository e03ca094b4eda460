import { MutationCache, QueryCache, QueryClient } from "@tanstack/react-query";
import type { FieldValues, Path, UseFormSetError } from "react-hook-form";
import { toast } from "sonner";
import { ApiError } from "./api.ts";
import { getLocale, translate } from "./i18n.ts";

declare module "@tanstack/react-query" {
  interface Register {
    defaultError: Error;
    mutationMeta: {
      /** The form shows a 400 with a `field` next to that field (see setFieldErrors), so no toast for it. */
      form?: boolean;
      /** A toast on success, already translated. */
      successMessage?: string;
      /** Made without a session (sign-in, first-run setup): a 401 is an answer, not an expired session. */
      public?: boolean;
    };
  }
}

export type QueryClientHooks = {
  /** Called on any 401: the session expired or was revoked. */
  onUnauthenticated: () => void;
};

function errorText(error: Error): string {
  if (error instanceof ApiError && error.status === 0) return translate(getLocale(), "common.errors.network");
  return error.message || translate(getLocale(), "common.errors.generic");
}

/**
 * Errors are decided here, once: a 401 anywhere sends the operator to sign in (and back afterwards),
 * a failed mutation is a toast, 4xx are never retried.
 */
export function createQueryClient(hooks: QueryClientHooks): QueryClient {
  const on401 = (error: Error) => {
    if (error instanceof ApiError && error.status === 401) {
      hooks.onUnauthenticated();
      return true;
    }
    return false;
  };
  return new QueryClient({
    queryCache: new QueryCache({ onError: (error) => void on401(error) }),
    mutationCache: new MutationCache({
      onError: (error, _vars, _ctx, mutation) => {
        if (!mutation.meta?.public && on401(error)) return;
        if (mutation.meta?.form && error instanceof ApiError && error.status === 400 && error.field) return;
        toast.error(errorText(error));
      },
      onSuccess: (_data, _vars, _ctx, mutation) => {
        if (mutation.meta?.successMessage) toast.success(mutation.meta.successMessage);
      },
    }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        retry: (count, error) => {
          if (error instanceof ApiError && error.status >= 400 && error.status < 500) return false;
          return count < 2;
        },
      },
      mutations: { retry: false },
    },
  });
}

/**
 * Puts a server 400 next to the field it names (`field` is the wire name, e.g. `setup_code`).
 * Returns whether it did; otherwise the caller (or the mutation toast) reports the error.
 */
export function setFieldErrors<T extends FieldValues>(
  error: unknown,
  setError: UseFormSetError<T>,
  fields: readonly Path<T>[],
): boolean {
  if (!(error instanceof ApiError) || error.status !== 400 || !error.field) return false;
  // The server names schema fields by where they came from ("body.email"); a verb names them bare.
  const wire = error.field.replace(/^(body|querystring|params)\./, "");
  const field = fields.find((f) => f === wire || wire.startsWith(`${f}.`));
  if (!field) return false;
  setError(field, { type: "server", message: error.message }, { shouldFocus: true });
  return true;
}
