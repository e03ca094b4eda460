import { notFound, TelegramApiError, unauthorized } from "./api-error.ts";
import type { UploadedFile } from "./http/multipart.ts";
import { normalizeParams } from "./http/normalize-params.ts";
import { findMethod } from "./methods/method-table.ts";
import type { ApiResponse } from "./types.ts";
import type { UpdateRouter } from "./updates/update-router.ts";
import type { World } from "./world.ts";

export type CallInput = {
  token: string;
  method: string;
  params: Record<string, unknown>;
  files?: Map<string, UploadedFile>;
  signal?: AbortSignal;
};

export type Dispatcher = {
  call(input: CallInput): Promise<ApiResponse>;
  /** Records requests that failed before reaching a handler (unreadable body). */
  recordRejected(token: string, method: string, error: TelegramApiError): void;
};

/** The pipeline every call goes through: token, method, injected failure, handler, call log. */
export function createDispatcher(world: World, router: UpdateRouter): Dispatcher {
  const record = (token: string, method: string, params: Record<string, unknown>, response: ApiResponse) =>
    world.callLog.record({ token, method, params, response, at: world.now() });

  return {
    async call(input) {
      const params = normalizeParams(input.params);
      const bot = world.botsByToken.get(input.token);
      const method = findMethod(input.method);
      let response: ApiResponse;
      if (!bot) response = unauthorized().toBody();
      else if (!method) response = notFound().toBody();
      else {
        const failure = world.faults.take(method.name, input.token);
        if (failure) response = { ok: false, ...failure };
        else {
          try {
            const result = await method.handler({
              world,
              router,
              bot,
              params,
              files: input.files ?? new Map(),
              signal: input.signal ?? new AbortController().signal,
            });
            response = { ok: true, result: structuredClone(result) };
          } catch (error) {
            if (!(error instanceof TelegramApiError)) throw error;
            response = error.toBody();
          }
        }
      }
      record(input.token, method?.name ?? input.method, params, response);
      return response;
    },
    recordRejected(token, method, error) {
      record(token, findMethod(method)?.name ?? method, {}, error.toBody());
    },
  };
}
