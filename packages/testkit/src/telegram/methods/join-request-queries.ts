import { badRequest } from "../api-error.ts";
import { requireString } from "../params.ts";
import { requireWebAppUrl } from "../reply-markup.ts";
import { requireBotRight } from "../resolve.ts";
import type { JoinRequestRecord } from "../state/invite-links.ts";
import type { ChatRecord } from "../world.ts";
import { approveJoinRequest } from "./invite-links.ts";
import type { MethodContext, MethodTable } from "./method-context.ts";

/** The open query this bot may answer: a pending request carrying it, in a chat the bot manages. */
function findQuery(context: MethodContext): { record: ChatRecord; request: JoinRequestRecord } {
  const queryId = requireString(context.params, "chat_join_request_query_id", "query id is empty");
  for (const record of context.world.chats.values()) {
    for (const request of record.joinRequests.values()) {
      if (request.queryId !== queryId) continue;
      requireBotRight(context.world, context.bot, record.chat, "can_invite_users", "not enough rights");
      return { record, request };
    }
  }
  throw badRequest("QUERY_ID_INVALID");
}

/**
 * Bot API 10.1 join-request queries: the bot answers one (approve, decline, or "queue" to leave it
 * to the admins as a plain request), or shows the person a Mini App first and answers after.
 */
export const joinRequestQueryMethods: MethodTable = {
  answerChatJoinRequestQuery(context) {
    const { record, request } = findQuery(context);
    const result = requireString(context.params, "result", "result is empty");
    if (result === "approve") approveJoinRequest(context, record, request.userId);
    else if (result === "decline") record.joinRequests.delete(request.userId);
    else if (result === "queue") request.queryId = undefined;
    else throw badRequest("result must be approve, decline or queue");
    return true;
  },

  sendChatJoinRequestWebApp(context) {
    const { request } = findQuery(context);
    const url = context.params.web_app_url;
    requireWebAppUrl(url, context.world.testEnvironment);
    request.webAppUrl = String(url);
    return true;
  },
};
