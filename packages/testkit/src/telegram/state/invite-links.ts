import type { ChatInviteLink, User } from "@grammyjs/types";

export type InviteLinkRecord = {
  url: string;
  chatId: number;
  creator: User;
  name?: string;
  expireDate?: number;
  memberLimit?: number;
  createsJoinRequest: boolean;
  isPrimary: boolean;
  revoked: boolean;
  /** Users who joined through this link; member_limit is checked against it. */
  joinedCount: number;
};

export type JoinRequestRecord = {
  userId: number;
  date: number;
  inviteLink?: string;
  /** A join-request query (Bot API 10.1) still open: answered by the bot, or shown as a Mini App. */
  queryId?: string;
  /** The Mini App the bot showed for the query (`sendChatJoinRequestWebApp`). */
  webAppUrl?: string;
};

export function toChatInviteLink(record: InviteLinkRecord, pendingJoinRequests = 0): ChatInviteLink {
  const link: ChatInviteLink = {
    invite_link: record.url,
    creator: record.creator,
    creates_join_request: record.createsJoinRequest,
    is_primary: record.isPrimary,
    is_revoked: record.revoked,
  };
  if (record.name !== undefined) link.name = record.name;
  if (record.expireDate !== undefined) link.expire_date = record.expireDate;
  if (record.memberLimit !== undefined) link.member_limit = record.memberLimit;
  if (record.createsJoinRequest) link.pending_join_request_count = pendingJoinRequests;
  return link;
}
