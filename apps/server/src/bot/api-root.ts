/**
 * Where a bot's Bot API calls go: one root for every bot (TELEGRAM_API_ROOT), or chosen by token,
 * so the playground's demo bot talks to the in-process emulator while real bots talk to Telegram.
 */
export type ApiRoot = string | ((token: string) => string);

export const apiRootFor = (root: ApiRoot, token: string): string =>
  typeof root === "string" ? root : root(token);
