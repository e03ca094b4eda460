import { type Exchange, readBody, writeJson } from "../openai/http-server.ts";
import { waitForAbort } from "../openai/write-completion.ts";
import type { ObservableLog } from "../telegram/observable-log.ts";
import { type ApiContext, answerApiRequest, parseJson, readIdempotenceKey } from "./answer-api-request.ts";
import type { FaultPlan } from "./fault-plan.ts";
import type { YooKassaRequestRecord } from "./types.ts";
import { type Answer, failureAnswer } from "./yookassa-error.ts";

export type ApiState = {
  context: ApiContext;
  faults: FaultPlan;
  log: ObservableLog<YooKassaRequestRecord>;
  now: () => number;
};

type Entry = Omit<YooKassaRequestRecord, "index" | "at">;

/**
 * One /v3 request end to end: read, let a planned failure pre-empt it (or, with
 * afterProcessing, swallow its answer), decide, record, write. The record is made
 * before the write so a test woken by waitForRequest already sees the final state.
 */
export async function handleApiExchange(exchange: Exchange, state: ApiState, path: string): Promise<void> {
  const raw = await readBody(exchange.request);
  if (raw === undefined || exchange.signal.aborted) return;
  const method = exchange.request.method ?? "GET";
  const base = {
    method,
    path,
    idempotenceKey: readIdempotenceKey(exchange.request.headers),
    body: parseJson(raw),
    replay: false,
  };

  const failure = state.faults.take();
  if (failure === "timeout") {
    record(state, { ...base, injected: true, status: undefined, response: undefined });
    await waitForAbort(exchange.signal);
    return;
  }
  if (failure && !failure.afterProcessing) {
    return send(
      exchange,
      state,
      { ...base, injected: true },
      failureAnswer(failure.status, failure.description),
    );
  }
  const result = answerApiRequest(state.context, {
    method,
    path,
    headers: exchange.request.headers,
    raw,
  });
  if (failure) {
    const lost = failureAnswer(failure.status, failure.description);
    return send(exchange, state, { ...base, replay: result.replay, injected: true }, lost);
  }
  send(exchange, state, { ...base, replay: result.replay, injected: false }, result.answer);
}

function send(
  exchange: Exchange,
  state: ApiState,
  entry: Omit<Entry, "status" | "response">,
  answer: Answer,
): void {
  record(state, { ...entry, status: answer.status, response: answer.body });
  writeJson(exchange, answer.status, answer.body);
}

function record(state: ApiState, entry: Entry): void {
  const { items } = state.log;
  state.log.push({ index: items.length, ...entry, at: state.now() });
}
