import { createFaultPlan } from "./fault-plan.ts";
import { defaultReply, type FakeSettings, handleChatCompletion } from "./handle-chat-completion.ts";
import { type Exchange, startHttpServer, writeError } from "./http-server.ts";
import { handleModels } from "./list-models.ts";
import { invalidUrl } from "./openai-error.ts";
import { createRequestLog } from "./request-log.ts";
import type { FakeOpenAI, FakeOpenAIOptions, RequestPredicate, WaitForRequestOptions } from "./types.ts";

/**
 * Starts an OpenAI-compatible chat completions server on 127.0.0.1 for the
 * official SDK to talk to over real HTTP:
 *
 *   const ai = await createFakeOpenAI({ apiKey: "sk-test" });
 *   const client = new OpenAI({ baseURL: ai.baseUrl, apiKey: "sk-test" });
 *   ai.failNext({ status: 429, retryAfterSeconds: 0.01 });
 *
 * Waiting is event-driven and close() ends held requests too, so suites can run
 * many of these side by side; always `await ai.close()`.
 */
export async function createFakeOpenAI(options: FakeOpenAIOptions = {}): Promise<FakeOpenAI> {
  const log = createRequestLog();
  const settings: FakeSettings = {
    apiKey: options.apiKey,
    models: options.models ? [...options.models] : null,
    reply: defaultReply,
    pacing: { delayMs: 0, chunkDelayMs: 0 },
    faults: createFaultPlan(),
    log,
  };
  const server = await startHttpServer(options.port ?? 0, (exchange) => route(exchange, settings));
  let closed: Promise<void> | undefined;

  return {
    baseUrl: `http://127.0.0.1:${server.port}/v1`,
    requests: log.requests,
    setReply(reply) {
      settings.reply = reply;
    },
    setDelay(ms) {
      settings.pacing.delayMs = requireDuration("setDelay", ms);
    },
    setChunkDelay(ms) {
      settings.pacing.chunkDelayMs = requireDuration("setChunkDelay", ms);
    },
    setModels(models) {
      settings.models = models ? [...models] : null;
    },
    failNext(failure, failOptions) {
      settings.faults.failNext(failure, failOptions?.times ?? 1);
    },
    failRate(p, seed = 1) {
      settings.faults.failRate(p, seed);
    },
    waitForRequest(
      predicateOrOptions?: RequestPredicate | WaitForRequestOptions,
      waitOptions?: WaitForRequestOptions,
    ) {
      if (typeof predicateOrOptions === "function") return log.waitFor(predicateOrOptions, waitOptions ?? {});
      return log.waitFor(undefined, predicateOrOptions ?? {});
    },
    close() {
      closed ??= (async () => {
        log.close();
        await server.close();
      })();
      return closed;
    },
  };
}

const MODEL_ROUTE = /^\/v1\/models\/([^/]+)$/;

async function route(exchange: Exchange, settings: FakeSettings): Promise<void> {
  const method = exchange.request.method ?? "GET";
  const path = new URL(exchange.request.url ?? "/", "http://127.0.0.1").pathname.replace(/\/+$/, "");
  if (method === "POST" && path === "/v1/chat/completions") return handleChatCompletion(exchange, settings);
  if (method === "GET" && path === "/v1/models") return handleModels(exchange, settings, undefined);
  const model = MODEL_ROUTE.exec(path);
  if (method === "GET" && model) return handleModels(exchange, settings, decodeURIComponent(model[1]!));
  exchange.request.resume();
  writeError(exchange, invalidUrl(method, path));
}

function requireDuration(name: string, ms: number): number {
  if (!(Number.isFinite(ms) && ms >= 0))
    throw new RangeError(`${name}: expected milliseconds >= 0, got ${ms}`);
  return ms;
}
