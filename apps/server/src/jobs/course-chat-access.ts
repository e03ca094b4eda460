import { type CoreContext, endCourseChatAccess, parseJobPayload } from "@lumen/core";
import type { Logger } from "pino";
import { telegramAccessPort } from "../access/telegram-access-port.ts";
import type { BotApis } from "../bot/bot-apis.ts";
import type { JobDefinition } from "./job-runner.ts";

/**
 * A refunded course order: the chats it opened are closed to the student. Queued by the refund's
 * transaction; a Telegram failure throws, so the job is tried again, and a repeat does nothing twice.
 */
export const courseChatAccessJob = (deps: {
  core: CoreContext;
  botApis: BotApis;
  logger: Logger;
}): JobDefinition => ({
  name: "courses.end-chat-access",
  async handler(data) {
    const { orderId } = parseJobPayload("courses.end-chat-access", data);
    const ended = await endCourseChatAccess(
      deps.core,
      telegramAccessPort(deps.botApis, deps.logger),
      orderId,
    );
    return { orderId, ...ended };
  },
});
