import { type changePasswordRequest, telegramLinkCode } from "@lumen/contracts";
import type { z } from "zod";
import { api } from "../../../lib/api.ts";

export type TelegramLinkCode = z.output<typeof telegramLinkCode>;

export const startTelegramLink = () =>
  api("POST", "/api/v1/auth/telegram-link", { schema: telegramLinkCode });

export const unlinkTelegram = () => api("DELETE", "/api/v1/auth/telegram-link");

export const changePassword = (body: z.input<typeof changePasswordRequest>) =>
  api("POST", "/api/v1/auth/password", { body });
