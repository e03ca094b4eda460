import { type CoreContext, listAccessLog } from "@lumen/core";
import type { Message } from "grammy/types";
import { channelOwner, demoChannel } from "./demo-world.ts";
import type { Playground } from "./start-playground.ts";

const INVITE = /https:\/\/t\.me\/\+[\w-]+/g;

/** Every invite link in a message: its buttons, its text links and the text itself. */
function invitesIn(message: Message): string[] {
  const buttons = (message.reply_markup?.inline_keyboard ?? []).flatMap((row) =>
    row.flatMap((b) => ("url" in b && b.url ? [b.url] : [])),
  );
  const entities = (message.entities ?? []).flatMap((e) => ("url" in e && e.url ? [e.url] : []));
  const text = message.text ?? message.caption ?? "";
  return [...buttons, ...entities, text].flatMap((s) => s.match(INVITE) ?? []);
}

/**
 * The demo channel as the playground page shows it: who is in it (the emulator's view), the
 * invite links the bot sent each test user (so one can be tried by someone else), and the
 * people Lumen removed for joining by a link that was not theirs (its access log).
 */
export async function readDemoChannel(core: CoreContext, pg: Playground) {
  const { tg, bot } = pg;
  const people = [
    { id: bot.id, firstName: bot.firstName },
    { id: channelOwner.id, firstName: channelOwner.firstName },
    ...pg.users,
  ];
  const links: { link: string; sent_to: number; at: number }[] = [];
  for (const user of pg.users) {
    for (const message of tg.chatHistory(user.id, { bot })) {
      for (const link of invitesIn(message)) {
        if (!links.some((l) => l.link === link)) links.push({ link, sent_to: user.id, at: message.date });
      }
    }
  }
  links.sort((a, b) => b.at - a.at);
  const log = await listAccessLog(core, { chatId: demoChannel.id, kinds: ["stranger_removed"], limit: 5 });
  return {
    id: demoChannel.id,
    title: demoChannel.title,
    members: people
      .map((p) => ({ id: p.id, first_name: p.firstName, status: tg.memberStatus(demoChannel.id, p.id) }))
      .filter((m) => m.status !== "left"),
    links: links.map(({ link, sent_to }) => ({ link, sent_to })),
    removed: log.items.map((entry) => {
      const telegramId = entry.telegramUserId ?? 0;
      const person = people.find((p) => p.id === telegramId);
      return {
        telegram_id: telegramId,
        first_name: person?.firstName ?? entry.user?.firstName ?? String(telegramId),
        link_sent_to: links.find((l) => l.link === entry.inviteLink)?.sent_to ?? null,
        at: entry.occurredAt,
      };
    }),
  };
}
