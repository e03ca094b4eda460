import {
  type AssistantDeps,
  createOfflineChatModel,
  createOpenAIChatModel,
  parseModelList,
} from "@lumen/core";
import type { Logger } from "pino";
import type { Config } from "./config.ts";

/**
 * The assistant's configuration from the environment; without an API key there is no AI to call,
 * except in the playground, where an offline stand-in that says so answers instead.
 */
export function createAssistantDeps(
  config: Config,
  logger: Logger,
  options: { playground?: boolean } = {},
): AssistantDeps {
  const chat = config.OPENAI_API_KEY
    ? createOpenAIChatModel({
        baseURL: config.OPENAI_BASE_URL,
        apiKey: config.OPENAI_API_KEY,
        timeoutMs: config.AI_TIMEOUT_MS,
      })
    : options.playground
      ? createOfflineChatModel()
      : undefined;
  if (!config.OPENAI_API_KEY && options.playground)
    logger.info("OPENAI_API_KEY is not set: the playground's assistant answers with an offline stand-in");
  else if (!chat)
    logger.warn("OPENAI_API_KEY is not set: the AI assistant will tell users it is not configured");
  return {
    chat,
    config: {
      trialMessages: config.TRIAL_MESSAGES,
      trialDays: config.TRIAL_DAYS ?? null,
      models: parseModelList(config.AI_MODELS, config.OPENAI_MODEL),
      defaultModel: config.OPENAI_MODEL,
      contextTurns: config.AI_CONTEXT_TURNS,
      reservationTimeoutMs: config.AI_RESERVATION_TIMEOUT_MS,
    },
  };
}
