import OpenAI, { APIConnectionTimeoutError, APIError } from "openai";
import { afterEach, describe, expect, it } from "vitest";
import { createFakeOpenAI, type FakeOpenAI } from "../src/index.ts";

const KEY = "sk-test-0123456789";
const hello = [{ role: "user" as const, content: "hello there friend" }];

describe("fake OpenAI: failures the app must survive", () => {
  let ai: FakeOpenAI;
  afterEach(async () => {
    await ai.close();
  });

  const clientFor = (options: Partial<ConstructorParameters<typeof OpenAI>[0]> = {}) =>
    new OpenAI({ baseURL: ai.baseUrl, apiKey: KEY, ...options });

  it("surfaces injected 500 and 429 as APIError with status, type and retry-after", async () => {
    ai = await createFakeOpenAI();
    const client = clientFor({ maxRetries: 0 });
    ai.failNext({ status: 500 });
    ai.failNext({ status: 429, retryAfterSeconds: 7 });

    const serverError = await client.chat.completions.create({ model: "m", messages: hello }).catch((e) => e);
    expect(serverError).toBeInstanceOf(APIError);
    expect([serverError.status, serverError.type]).toEqual([500, "server_error"]);

    const rateLimited = await client.chat.completions.create({ model: "m", messages: hello }).catch((e) => e);
    expect(rateLimited).toBeInstanceOf(OpenAI.RateLimitError);
    expect([rateLimited.status, rateLimited.type, rateLimited.code]).toEqual([
      429,
      "rate_limit_error",
      "rate_limit_exceeded",
    ]);
    expect(rateLimited.headers.get("retry-after")).toBe("7");

    await client.chat.completions.create({ model: "m", messages: hello });
    expect(ai.requests.map((request) => [request.outcome, request.status])).toEqual([
      ["failed", 500],
      ["failed", 429],
      ["answered", 200],
    ]);
  });

  it("is retried by the SDK after a short retry-after", async () => {
    ai = await createFakeOpenAI();
    ai.failNext({ status: 429, retryAfterSeconds: 0.01 }, { times: 2 });
    const completion = await clientFor({ maxRetries: 2 }).chat.completions.create({
      model: "m",
      messages: hello,
    });
    expect(completion.choices[0]!.message.content).toBe("Echo: hello there friend");
    expect(ai.requests.map((request) => request.status)).toEqual([429, 429, 200]);
  });

  it("holds a 'timeout' request until the SDK gives up, and still closes cleanly", async () => {
    ai = await createFakeOpenAI();
    ai.failNext("timeout");
    const pending = clientFor({ timeout: 300, maxRetries: 0 }).chat.completions.create({
      model: "m",
      messages: hello,
    });
    const held = await ai.waitForRequest();
    expect(held.outcome).toBe("timeout");
    await expect(pending).rejects.toBeInstanceOf(APIConnectionTimeoutError);
    await ai.waitForRequest((request) => request.clientAborted);
  });

  it("close() ends a request that is still being held", async () => {
    ai = await createFakeOpenAI();
    ai.failNext("timeout");
    const pending = clientFor({ maxRetries: 0 })
      .chat.completions.create({ model: "m", messages: hello })
      .catch((error: unknown) => error);
    await ai.waitForRequest();
    await ai.close();
    expect(await pending).toBeInstanceOf(APIError);
    expect(ai.requests[0]!.clientAborted).toBe(false);
  });

  it("close() cuts short a long delay and a slow stream", async () => {
    ai = await createFakeOpenAI();
    const client = clientFor({ maxRetries: 0 });
    ai.setDelay(60_000);
    const delayed = client.chat.completions
      .create({ model: "m", messages: hello })
      .catch((error: unknown) => error);
    await ai.waitForRequest();
    ai.setDelay(0);
    ai.setChunkDelay(60_000);
    const stream = await client.chat.completions.create({ model: "m", messages: hello, stream: true });
    const iterator = stream[Symbol.asyncIterator]();
    expect((await iterator.next()).value?.choices[0]?.delta.role).toBe("assistant");
    await ai.close();
    expect(await delayed).toBeInstanceOf(APIError);
    await expect(iterator.next()).rejects.toThrow();
  });

  it("'cut-stream' sends a few chunks, then the iteration rejects", async () => {
    ai = await createFakeOpenAI();
    ai.setReply("one two three four five six");
    ai.failNext("cut-stream");
    const stream = await clientFor({ maxRetries: 0 }).chat.completions.create({
      model: "m",
      messages: hello,
      stream: true,
    });
    const deltas: string[] = [];
    const iterate = async () => {
      for await (const chunk of stream) deltas.push(chunk.choices[0]?.delta.content ?? "");
    };
    await expect(iterate()).rejects.toThrow();
    expect(deltas.join("")).toBe("one two three");
    expect(ai.requests[0]).toMatchObject({ outcome: "cut", clientAborted: false });
  });

  it("failRate fails about half the requests, the same ones for the same seed", async () => {
    ai = await createFakeOpenAI();
    const client = clientFor({ maxRetries: 0 });
    const runPattern = async (seed: number) => {
      ai.failRate(0.5, seed);
      const pattern: boolean[] = [];
      for (let i = 0; i < 40; i++) {
        const result = await client.chat.completions.create({ model: "m", messages: hello }).then(
          () => true,
          (error: unknown) =>
            error instanceof APIError && error.status === 500 ? false : Promise.reject(error),
        );
        pattern.push(result);
      }
      return pattern;
    };
    const first = await runPattern(42);
    const failures = first.filter((ok) => !ok).length;
    expect(failures).toBeGreaterThan(10);
    expect(failures).toBeLessThan(30);
    expect(await runPattern(42)).toEqual(first);
    expect(await runPattern(7)).not.toEqual(first);
  });
});
