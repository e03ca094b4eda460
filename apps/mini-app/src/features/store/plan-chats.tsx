import { Button } from "@lumen/ui/components/button";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { openTelegramLink } from "@tma.js/sdk-react";
import { t } from "../../lib/i18n.ts";
import { insideTelegram } from "../../lib/telegram.ts";
import { chatsQuery, newChatLink, type StoreChat } from "./api.ts";

/** A t.me link: Telegram opens it in place inside the app; outside, the browser hands it over. */
function openChatLink(url: string): void {
  if (insideTelegram()) {
    openTelegramLink(url);
    return;
  }
  const opened = window.open(url, "_blank");
  if (opened) opened.opener = null;
  else window.location.assign(url);
}

function ChatRow({ chat }: { chat: StoreChat }) {
  const queryClient = useQueryClient();
  const renew = useMutation({
    mutationFn: () => newChatLink(chat.chat_id),
    onSuccess: async (fresh) => {
      await queryClient.invalidateQueries({ queryKey: ["chats"] });
      if (fresh.invite_link) openChatLink(fresh.invite_link);
    },
  });
  return (
    <li className="flex items-center justify-between gap-3 p-4" data-testid="plan-chat">
      <span className="min-w-0">
        <span className="block truncate font-medium">{chat.title}</span>
        <span className="text-xs text-muted-foreground">
          {chat.joined ? t("account.chatJoined") : chat.plan_title}
        </span>
      </span>
      {chat.invite_link ? (
        <Button className="h-10 shrink-0 rounded-xl" onClick={() => openChatLink(chat.invite_link as string)}>
          {t("account.join")}
        </Button>
      ) : (
        <Button
          variant="secondary"
          className="h-10 shrink-0 rounded-xl"
          disabled={renew.isPending}
          onClick={() => renew.mutate()}
        >
          {t("account.newLink")}
        </Button>
      )}
    </li>
  );
}

/**
 * The chats the buyer's plans open, each with their personal link, or a button for a new one
 * (links expire in a day and work once): a buyer never depends on finding the bot's message.
 */
export function PlanChats() {
  const chats = useQuery(chatsQuery);
  if (!chats.data?.length) return null;
  return (
    <>
      <h2 className="px-1 pt-2 text-xs font-medium uppercase text-section-header">{t("account.chats")}</h2>
      <section className="rounded-xl bg-card">
        <ul className="divide-y">
          {chats.data.map((chat) => (
            <ChatRow key={chat.chat_id} chat={chat} />
          ))}
        </ul>
      </section>
    </>
  );
}
