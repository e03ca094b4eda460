/** A content part as the SDK sends it for multi-part user messages; only `text` parts count as text. */
export type ChatContentPart = { type: string; text?: string; [key: string]: unknown };

/** One entry of `messages`, kept as the client sent it (tool calls and names ride along untouched). */
export type ChatMessage = {
  role: string;
  /** Absent or null only on assistant messages (e.g. ones carrying tool_calls). */
  content?: string | null | ChatContentPart[];
  [key: string]: unknown;
};

/**
 * What the fake did with a request (see `clientAborted` for whether the client stayed to the end):
 * - answered: a normal completion (or stream ending in [DONE]) was sent;
 * - failed: an HTTP error was sent (validation, auth, unknown model, injected 429/5xx);
 * - cut: the response started and the socket was destroyed mid-way on purpose;
 * - timeout: the request was held without an answer until the client gave up or the fake closed.
 */
export type RequestOutcome = "answered" | "failed" | "cut" | "timeout";

/** One POST /v1/chat/completions, recorded as soon as it was judged (before any delay). */
export type ChatRequestRecord = {
  /** Position in `requests`; pass `index + 1` as `after` to wait for later requests only. */
  index: number;
  /** As sent; "" when the body had no string model. */
  model: string;
  /** As sent; [] when the body had no valid messages array. */
  messages: ChatMessage[];
  stream: boolean;
  /** The parsed JSON body ({} when it was not a JSON object). */
  body: Record<string, unknown>;
  /** Lower-case header names; authorization and api-key are redacted. */
  headers: Record<string, string>;
  /** Clock time (ms) when the request was judged. */
  at: number;
  outcome: RequestOutcome;
  /** HTTP status sent; undefined for "timeout", whose status is never sent. */
  status: number | undefined;
  /** The error message sent with a failed answer. */
  error?: string;
  /** The reply the fake answered with (also set for "cut", which sends part of it). */
  reply?: string;
  /** Set once the client hangs up before the response was complete (e.g. the SDK's timeout). */
  clientAborted: boolean;
};

/** What the reply function sees; `body` carries everything else the client sent (tools, temperature…). */
export type ReplyContext = {
  model: string;
  messages: ChatMessage[];
  body: Record<string, unknown>;
};

export type ReplyFunction = (request: ReplyContext) => string | Promise<string>;

/**
 * An injected failure. HTTP failures answer with OpenAI's error body for the status
 * (429 -> rate_limit_error, 5xx -> server_error); `retryAfterSeconds` adds `retry-after`
 * and `retry-after-ms` (the SDK honours the latter, so fractions keep retry tests fast).
 */
export type FakeOpenAIFailure =
  | { status: number; retryAfterSeconds?: number; message?: string }
  | "timeout"
  | "cut-stream";

export type RequestPredicate = (request: ChatRequestRecord) => boolean;
export type WaitForRequestOptions = {
  /** Fail after this long; default 5000 ms. */
  timeoutMs?: number;
  /** Only requests with index >= after count; default 0 (requests already received match too). */
  after?: number;
};

export type FakeOpenAIOptions = {
  /** When set, requests without `Authorization: Bearer <apiKey>` get OpenAI's 401. */
  apiKey?: string;
  /** Restricts accepted models from the start; see setModels. */
  models?: readonly string[];
  /** Defaults to an ephemeral port on 127.0.0.1. */
  port?: number;
};

/** An OpenAI-compatible chat completions server for tests and the local playground. */
export type FakeOpenAI = {
  /** "http://127.0.0.1:<port>/v1": pass as OPENAI_BASE_URL / `baseURL`. */
  readonly baseUrl: string;
  /** Every chat completion request in arrival order, including rejected ones. */
  readonly requests: readonly ChatRequestRecord[];

  /** Default: `Echo: <last user message>`, so tests can see what was sent. */
  setReply(reply: string | ReplyFunction): void;
  /** Pause before the first byte of every answer (0 = none). */
  setDelay(ms: number): void;
  /** Pause between stream chunks (0 = none). */
  setChunkDelay(ms: number): void;
  /** Restricts `model` to this list (others get 404 model_not_found); null accepts any model again. */
  setModels(models: readonly string[] | null): void;
  /** The next `times` valid chat completion requests fail this way, in the order queued. */
  failNext(failure: FakeOpenAIFailure, options?: { times?: number }): void;
  /**
   * Fails a fraction `p` of valid requests (not already failed by failNext) with 500.
   * The draw comes from a PRNG seeded with `seed`, so the same request sequence fails
   * the same way on every run; `failRate(0)` turns it off.
   */
  failRate(p: number, seed?: number): void;
  /**
   * Resolves with the first request matching `predicate`, already received or future;
   * re-checked when a request arrives or changes (e.g. `clientAborted` becomes true).
   */
  waitForRequest(predicate?: RequestPredicate, options?: WaitForRequestOptions): Promise<ChatRequestRecord>;
  waitForRequest(options: WaitForRequestOptions): Promise<ChatRequestRecord>;
  /** Ends every open response and pending wait, then stops the server. */
  close(): Promise<void>;
};
