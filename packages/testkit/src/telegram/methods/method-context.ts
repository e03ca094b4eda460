import type { UploadedFile } from "../http/multipart.ts";
import type { Params } from "../params.ts";
import type { UpdateRouter } from "../updates/update-router.ts";
import type { BotRecord, World } from "../world.ts";

/** Everything a Bot API method handler may touch for one call. */
export type MethodContext = {
  world: World;
  router: UpdateRouter;
  bot: BotRecord;
  params: Params;
  files: Map<string, UploadedFile>;
  signal: AbortSignal;
};

/** Returns the `result` of a successful call or throws a TelegramApiError. */
export type MethodHandler = (context: MethodContext) => unknown;

/** Keyed by the canonical (camelCase) method name. */
export type MethodTable = Record<string, MethodHandler>;
