import type { Bot } from "grammy";
import type { ChatJoinRequest, ChatMemberUpdated } from "grammy/types";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  type BotHandle,
  createTelegramEmulator,
  type TelegramEmulator,
  TelegramUserError,
} from "../src/index.ts";
import { createGrammyBot, expectGrammyError, startPolling } from "./telegram-test-bot.ts";

describe("telegram emulator: chats, invite links and bans", () => {
  let tg: TelegramEmulator;
  let handle: BotHandle;
  let bot: Bot;
  let stop: () => Promise<void>;
  let channel: ReturnType<TelegramEmulator["createChat"]>;
  let owner: ReturnType<TelegramEmulator["createUser"]>;
  const memberEvents: ChatMemberUpdated[] = [];
  const botEvents: ChatMemberUpdated[] = [];
  const joinRequests: ChatJoinRequest[] = [];

  beforeEach(async () => {
    tg = await createTelegramEmulator();
    handle = tg.createBot({ username: "vip_bot" });
    owner = tg.createUser({ firstName: "Olga" });
    channel = tg.createChat({ type: "channel", title: "VIP", creator: owner });
    memberEvents.length = 0;
    botEvents.length = 0;
    joinRequests.length = 0;
    bot = createGrammyBot(tg, handle);
    bot.on("chat_member", (ctx) => void memberEvents.push(ctx.chatMember));
    bot.on("my_chat_member", (ctx) => void botEvents.push(ctx.myChatMember));
    bot.on("chat_join_request", (ctx) => void joinRequests.push(ctx.chatJoinRequest));
    stop = await startPolling(tg, handle, bot, {
      allowed_updates: ["message", "chat_member", "my_chat_member", "chat_join_request"],
    });
  });
  afterEach(async () => {
    await stop();
    await tg.close();
  });

  const addAsAdmin = async (rights = {}) => {
    await tg.addBotToChat(handle, channel, { status: "administrator", rights });
    await tg.waitUntilHandled(handle);
  };

  it("tells the bot it was promoted and enforces admin rights on invite links", async () => {
    await expect(bot.api.createChatInviteLink(channel.id)).rejects.toThrow(
      /chat not found|not enough rights/,
    );
    await addAsAdmin({ can_invite_users: false });
    expect(
      botEvents.map((event) => [event.from.id, event.old_chat_member.status, event.new_chat_member.status]),
    ).toEqual([[owner.id, "left", "administrator"]]);
    expect((await expectGrammyError(bot.api.createChatInviteLink(channel.id))).description).toBe(
      "Bad Request: not enough rights to manage chat invite links",
    );
    expect(tg.memberStatus(channel, handle)).toBe("administrator");
  });

  it("enforces member_limit and revocation, reporting joins with the link used", async () => {
    await addAsAdmin();
    const [alice, bob, carol] = ["Alice", "Bob", "Carol"].map((firstName) => tg.createUser({ firstName }));
    const link = await bot.api.createChatInviteLink(channel.id, { name: "promo", member_limit: 1 });
    expect(link).toMatchObject({
      name: "promo",
      member_limit: 1,
      creates_join_request: false,
      is_revoked: false,
    });
    expect(link.invite_link).toMatch(/^https:\/\/t\.me\/\+[\w-]{16}$/);

    await tg.joinByInviteLink(handle, alice!, link);
    await expect(tg.joinByInviteLink(handle, bob!, link.invite_link)).rejects.toThrow(TelegramUserError);
    expect(tg.memberStatus(channel, alice!)).toBe("member");
    expect(tg.memberStatus(channel, bob!)).toBe("left");

    const open = await bot.api.createChatInviteLink(channel.id);
    const revoked = await bot.api.revokeChatInviteLink(channel.id, open.invite_link);
    expect(revoked.is_revoked).toBe(true);
    const refusal = await tg
      .joinByInviteLink(handle, carol!, open.invite_link)
      .catch((error: unknown) => error);
    expect(refusal).toMatchObject({ code: "INVITE_HASH_EXPIRED" });

    await tg.waitUntilHandled(handle);
    expect(memberEvents).toHaveLength(1);
    expect(memberEvents[0]).toMatchObject({
      from: { id: alice!.id },
      old_chat_member: { status: "left" },
      new_chat_member: { status: "member", user: { id: alice!.id } },
      invite_link: { invite_link: link.invite_link, name: "promo" },
    });
  });

  it("routes join requests to the bot and approves or declines them", async () => {
    await addAsAdmin();
    const alice = tg.createUser({ firstName: "Alice" });
    const bob = tg.createUser({ firstName: "Bob" });
    const link = await bot.api.createChatInviteLink(channel.id, { creates_join_request: true });
    expect((await tg.joinByInviteLink(handle, alice, link)).status).toBe("requested");
    await tg.sendJoinRequest(handle, bob, channel);
    await tg.waitUntilHandled(handle);
    expect(joinRequests.map((request) => [request.from.id, request.invite_link?.invite_link])).toEqual([
      [alice.id, link.invite_link],
      [bob.id, undefined],
    ]);

    // While a request is pending the bot may write to the user first.
    await bot.api.sendMessage(alice.id, "Welcome! Approving you now.");
    await bot.api.approveChatJoinRequest(channel.id, alice.id);
    await bot.api.declineChatJoinRequest(channel.id, bob.id);
    expect((await expectGrammyError(bot.api.declineChatJoinRequest(channel.id, bob.id))).description).toBe(
      "Bad Request: HIDE_REQUESTER_MISSING",
    );
    expect([tg.memberStatus(channel, alice), tg.memberStatus(channel, bob)]).toEqual(["member", "left"]);

    await tg.waitUntilHandled(handle);
    expect(
      memberEvents.map((event) => [event.new_chat_member.user.id, event.new_chat_member.status]),
    ).toEqual([[alice.id, "member"]]);
    expect(memberEvents[0]?.invite_link?.invite_link).toBe(link.invite_link);
  });

  it("bans and unbans with chat_member updates and protects owners and admins", async () => {
    await addAsAdmin();
    const alice = tg.createUser({ firstName: "Alice" });
    const moderator = tg.createUser({ firstName: "Mod" });
    tg.setMemberStatus(channel, moderator, "administrator");
    const link = await bot.api.createChatInviteLink(channel.id);
    await tg.joinByInviteLink(handle, alice, link);

    await bot.api.banChatMember(channel.id, alice.id);
    expect(tg.memberStatus(channel, alice)).toBe("kicked");
    expect(await bot.api.getChatMember(channel.id, alice.id)).toEqual({
      status: "kicked",
      user: alice,
      until_date: 0,
    });
    await expect(tg.joinByInviteLink(handle, alice, link)).rejects.toMatchObject({
      code: "USER_BANNED_IN_CHANNEL",
    });

    await bot.api.unbanChatMember(channel.id, alice.id, { only_if_banned: true });
    expect(tg.memberStatus(channel, alice)).toBe("left");
    await bot.api.unbanChatMember(channel.id, alice.id, { only_if_banned: true });

    expect((await expectGrammyError(bot.api.banChatMember(channel.id, owner.id))).description).toBe(
      "Bad Request: can't remove chat owner",
    );
    expect((await expectGrammyError(bot.api.banChatMember(channel.id, moderator.id))).description).toBe(
      "Bad Request: user is an administrator of the chat",
    );

    await tg.waitUntilHandled(handle);
    expect(memberEvents.map((event) => [event.old_chat_member.status, event.new_chat_member.status])).toEqual(
      [
        ["left", "member"],
        ["member", "kicked"],
        ["kicked", "left"],
      ],
    );
    expect(memberEvents[1]?.from.id).toBe(handle.id);
  });

  it("refuses to ban without can_restrict_members", async () => {
    await addAsAdmin({ can_restrict_members: false });
    const alice = tg.createUser({ firstName: "Alice" });
    expect((await expectGrammyError(bot.api.banChatMember(channel.id, alice.id))).description).toBe(
      "Bad Request: not enough rights to restrict/unrestrict chat member",
    );
  });
});
