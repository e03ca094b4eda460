import { botInfoMethods } from "./bot-info.ts";
import { chatFeedbackMethods } from "./chat-feedback.ts";
import { editMessageMethods } from "./edit-messages.ts";
import { fileMethods } from "./files.ts";
import { inviteLinkMethods } from "./invite-links.ts";
import { invoiceMethods } from "./invoices.ts";
import { joinRequestQueryMethods } from "./join-request-queries.ts";
import { memberMethods } from "./members.ts";
import { menuButtonMethods } from "./menu-button.ts";
import type { MethodHandler, MethodTable } from "./method-context.ts";
import { sendMessageMethods } from "./send-messages.ts";
import { starPaymentMethods } from "./star-payments.ts";
import { updateMethods } from "./update-methods.ts";

const ALL_METHODS: MethodTable = {
  ...botInfoMethods,
  ...updateMethods,
  ...sendMessageMethods,
  ...editMessageMethods,
  ...chatFeedbackMethods,
  ...invoiceMethods,
  ...starPaymentMethods,
  ...inviteLinkMethods,
  ...joinRequestQueryMethods,
  ...memberMethods,
  ...menuButtonMethods,
  ...fileMethods,
  // Older names Telegram still answers to.
  kickChatMember: memberMethods.banChatMember!,
  getChatMembersCount: memberMethods.getChatMemberCount!,
};

const BY_LOWERCASE = new Map(
  Object.entries(ALL_METHODS).map(([name, handler]) => [name.toLowerCase(), { name, handler }]),
);

/** Bot API method names are case-insensitive; calls are recorded under the canonical spelling. */
export function findMethod(method: string): { name: string; handler: MethodHandler } | undefined {
  return BY_LOWERCASE.get(method.toLowerCase());
}
