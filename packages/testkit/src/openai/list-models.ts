import type { FakeSettings } from "./handle-chat-completion.ts";
import { type Exchange, writeError, writeJson } from "./http-server.ts";
import { modelNotFound, unauthorized } from "./openai-error.ts";

/** Listed by GET /v1/models while no setModels restriction is in place (any model is accepted then). */
export const DEFAULT_MODELS: readonly string[] = ["gpt-4o-mini", "gpt-4o", "gpt-4.1-mini", "gpt-4.1"];

/** GET /v1/models and /v1/models/<id>, for clients that check a model exists before using it. */
export function handleModels(exchange: Exchange, settings: FakeSettings, modelId: string | undefined): void {
  exchange.request.resume();
  const authorization = exchange.request.headers.authorization;
  if (settings.apiKey !== undefined && authorization !== `Bearer ${settings.apiKey}`) {
    writeError(exchange, unauthorized(authorization));
    return;
  }
  const known = settings.models ?? DEFAULT_MODELS;
  if (modelId === undefined) {
    writeJson(exchange, 200, { object: "list", data: known.map(describeModel) });
  } else if (known.includes(modelId) || settings.models === null) {
    writeJson(exchange, 200, describeModel(modelId));
  } else {
    writeError(exchange, modelNotFound(modelId));
  }
}

function describeModel(id: string) {
  return { id, object: "model", created: 1_700_000_000, owned_by: "lumen-fake-openai" };
}
