import type { MenuButton } from "@grammyjs/types";
import { badRequest } from "../api-error.ts";
import { type Params, readInteger, readJson } from "../params.ts";
import { requireWebAppUrl } from "../reply-markup.ts";
import type { MethodTable } from "./method-context.ts";

const keyOf = (params: Params) => String(readInteger(params, "chat_id") ?? "default");

function readMenuButton(params: Params, httpWebApps: boolean): MenuButton {
  const button = (readJson(params, "menu_button", "MenuButton") ?? { type: "default" }) as Record<
    string,
    unknown
  >;
  if (button.type === "default" || button.type === "commands") return { type: button.type };
  if (button.type !== "web_app") throw badRequest("unsupported menu button type");
  if (typeof button.text !== "string" || !button.text.trim()) throw badRequest("menu button text is empty");
  const webApp = button.web_app as { url?: unknown } | undefined;
  requireWebAppUrl(webApp?.url, httpWebApps);
  return { type: "web_app", text: button.text, web_app: { url: String(webApp?.url) } };
}

/** The button beside the message field: per private chat, falling back to the bot's default. */
export const menuButtonMethods: MethodTable = {
  setChatMenuButton({ bot, params, world }) {
    bot.menuButtons.set(keyOf(params), readMenuButton(params, world.testEnvironment));
    return true;
  },
  getChatMenuButton({ bot, params }) {
    return bot.menuButtons.get(keyOf(params)) ?? bot.menuButtons.get("default") ?? { type: "commands" };
  },
};
