import OpenAI from "openai";
import { afterEach, describe, expect, it } from "vitest";
import { createFakeOpenAI, estimateTokens, type FakeOpenAI } from "../src/index.ts";

const KEY = "sk-test-0123456789";
const hello = [{ role: "user" as const, content: "hello there friend" }];

describe("fake OpenAI: chat completions through the official SDK", () => {
  let ai: FakeOpenAI;
  afterEach(async () => {
    await ai.close();
  });

  const clientFor = (options: Partial<ConstructorParameters<typeof OpenAI>[0]> = {}) =>
    new OpenAI({ baseURL: ai.baseUrl, apiKey: KEY, ...options });

  it("answers with an echo and a deterministic usage estimate", async () => {
    ai = await createFakeOpenAI({ apiKey: KEY });
    const completion = await clientFor().chat.completions.create({
      model: "gpt-4o-mini",
      messages: [{ role: "system", content: "Be brief." }, ...hello],
    });
    expect(completion).toMatchObject({
      object: "chat.completion",
      model: "gpt-4o-mini",
      choices: [{ index: 0, message: { role: "assistant", content: "Echo: hello there friend" } }],
    });
    expect(completion.id).toMatch(/^chatcmpl-/);
    expect(completion.choices[0]!.finish_reason).toBe("stop");
    const prompt = estimateTokens("Be brief.") + estimateTokens("hello there friend");
    const reply = estimateTokens("Echo: hello there friend");
    expect(completion.usage).toEqual({
      prompt_tokens: prompt,
      completion_tokens: reply,
      total_tokens: prompt + reply,
    });

    const [request] = ai.requests;
    expect(request).toMatchObject({
      index: 0,
      model: "gpt-4o-mini",
      stream: false,
      outcome: "answered",
      status: 200,
    });
    expect(request!.messages.at(-1)?.content).toBe("hello there friend");
    expect(request!.headers.authorization).toBe("[redacted]");
  });

  it("streams several deltas that join to the reply, with usage when asked", async () => {
    ai = await createFakeOpenAI();
    ai.setReply("The quick brown fox jumps");
    const stream = await clientFor().chat.completions.create({
      model: "any-model-name",
      messages: hello,
      stream: true,
      stream_options: { include_usage: true },
    });
    const deltas: string[] = [];
    const finishReasons: (string | null)[] = [];
    let usage: OpenAI.CompletionUsage | null | undefined;
    for await (const chunk of stream) {
      expect(chunk.object).toBe("chat.completion.chunk");
      const choice = chunk.choices[0];
      if (choice?.delta.content) deltas.push(choice.delta.content);
      if (choice) finishReasons.push(choice.finish_reason);
      if (chunk.usage) usage = chunk.usage;
    }
    expect(deltas.length).toBeGreaterThan(3);
    expect(deltas.join("")).toBe("The quick brown fox jumps");
    expect(finishReasons.at(-1)).toBe("stop");
    expect(usage?.completion_tokens).toBe(estimateTokens("The quick brown fox jumps"));
    expect(ai.requests[0]).toMatchObject({ stream: true, outcome: "answered" });
  });

  it("lets a reply function see the conversation", async () => {
    ai = await createFakeOpenAI();
    ai.setReply(
      ({ messages, model }) => `${model} saw ${messages.length} messages, last from ${messages.at(-1)?.role}`,
    );
    const completion = await clientFor().chat.completions.create({
      model: "gpt-4.1",
      messages: [
        { role: "system", content: "You sell courses." },
        { role: "user", content: "Hi" },
        { role: "assistant", content: "Hello!" },
        { role: "user", content: [{ type: "text", text: "What do you sell?" }] },
      ],
    });
    expect(completion.choices[0]!.message.content).toBe("gpt-4.1 saw 4 messages, last from user");
  });

  it("rejects a wrong key with 401", async () => {
    ai = await createFakeOpenAI({ apiKey: KEY });
    const error = await clientFor({ apiKey: "sk-wrong-key-000000", maxRetries: 0 })
      .chat.completions.create({ model: "m", messages: hello })
      .catch((e) => e);
    expect(error).toBeInstanceOf(OpenAI.AuthenticationError);
    expect([error.status, error.code]).toEqual([401, "invalid_api_key"]);
    expect(error.message).not.toContain("sk-wrong-key-000000");
    expect(ai.requests[0]).toMatchObject({ outcome: "failed", status: 401 });
  });

  it("validates like OpenAI: a missing model is a 400 naming `model`", async () => {
    ai = await createFakeOpenAI();
    const client = clientFor({ maxRetries: 0 });
    const missingModel = await client.chat.completions
      .create({ messages: hello } as unknown as OpenAI.ChatCompletionCreateParamsNonStreaming)
      .catch((e) => e);
    expect(missingModel).toBeInstanceOf(OpenAI.BadRequestError);
    expect([missingModel.status, missingModel.type, missingModel.param]).toEqual([
      400,
      "invalid_request_error",
      "model",
    ]);
    const noMessages = await client.chat.completions.create({ model: "m", messages: [] }).catch((e) => e);
    expect([noMessages.status, noMessages.param]).toEqual([400, "messages"]);
  });

  it("restricts models with setModels and lists them", async () => {
    ai = await createFakeOpenAI();
    const client = clientFor({ maxRetries: 0 });
    ai.setModels(["lumen-small", "lumen-large"]);
    const unknown = await client.chat.completions.create({ model: "gpt-5", messages: hello }).catch((e) => e);
    expect([unknown.status, unknown.code]).toEqual([404, "model_not_found"]);
    const models = [];
    for await (const model of client.models.list()) models.push(model.id);
    expect(models).toEqual(["lumen-small", "lumen-large"]);
  });

  it("waits for the first byte after setDelay", async () => {
    ai = await createFakeOpenAI();
    ai.setDelay(50);
    ai.setChunkDelay(5);
    const stream = await clientFor().chat.completions.create({ model: "m", messages: hello, stream: true });
    let text = "";
    for await (const chunk of stream) text += chunk.choices[0]?.delta.content ?? "";
    expect(text).toBe("Echo: hello there friend");
  });
});
