import type { Chat, ChatAdministratorRights, ChatMember, User } from "@grammyjs/types";
import type { MemberStatus } from "../types.ts";

export type MemberRecord = {
  status: MemberStatus;
  /** Unix seconds; 0 means forever (bans) or not applicable. */
  untilDate: number;
  rights?: ChatAdministratorRights;
};

export type MemberStore = {
  /** Effective membership: a ban whose until_date passed reads as "left", like Telegram. */
  get(chatId: number, userId: number): MemberRecord;
  set(chatId: number, userId: number, record: MemberRecord): void;
  userIds(chatId: number): number[];
};

const LEFT: MemberRecord = { status: "left", untilDate: 0 };

export function createMemberStore(unixNow: () => number): MemberStore {
  const chats = new Map<number, Map<number, MemberRecord>>();
  return {
    get(chatId, userId) {
      const record = chats.get(chatId)?.get(userId) ?? LEFT;
      if (record.status === "kicked" && record.untilDate !== 0 && record.untilDate <= unixNow()) return LEFT;
      return record;
    },
    set(chatId, userId, record) {
      let members = chats.get(chatId);
      if (!members) {
        members = new Map();
        chats.set(chatId, members);
      }
      members.set(userId, record);
    },
    userIds(chatId) {
      return [...(chats.get(chatId)?.keys() ?? [])];
    },
  };
}

export function isPresent(status: MemberStatus): boolean {
  return status === "creator" || status === "administrator" || status === "member" || status === "restricted";
}

/** Rights a freshly promoted admin gets in the Telegram app unless the test narrows them. */
export function buildAdminRights(
  chatType: Chat["type"],
  overrides: Partial<ChatAdministratorRights> = {},
): ChatAdministratorRights {
  const channel = chatType === "channel";
  return {
    is_anonymous: false,
    can_manage_chat: true,
    can_delete_messages: true,
    can_manage_video_chats: true,
    can_restrict_members: true,
    can_promote_members: false,
    can_change_info: true,
    can_invite_users: true,
    can_post_stories: true,
    can_edit_stories: true,
    can_delete_stories: true,
    can_send_welcome_messages: false,
    ...(channel ? { can_post_messages: true, can_edit_messages: true } : { can_pin_messages: true }),
    ...overrides,
  };
}

export function toChatMember(user: User, record: MemberRecord): ChatMember {
  switch (record.status) {
    case "creator":
      return { status: "creator", user, is_anonymous: false };
    case "administrator":
      return {
        status: "administrator",
        user,
        can_be_edited: false,
        ...(record.rights ?? buildAdminRights("supergroup")),
      };
    case "kicked":
      return { status: "kicked", user, until_date: record.untilDate };
    case "member":
      return { status: "member", user };
    case "restricted":
      return {
        status: "restricted",
        user,
        is_member: true,
        can_send_messages: false,
        can_send_audios: false,
        can_send_documents: false,
        can_send_photos: false,
        can_send_videos: false,
        can_send_video_notes: false,
        can_send_voice_notes: false,
        can_send_polls: false,
        can_send_other_messages: false,
        can_add_web_page_previews: false,
        can_react_to_messages: false,
        can_change_info: false,
        can_invite_users: false,
        can_edit_tag: false,
        can_pin_messages: false,
        can_manage_topics: false,
        until_date: record.untilDate,
      };
    default:
      return { status: "left", user };
  }
}
