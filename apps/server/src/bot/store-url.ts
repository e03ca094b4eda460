/**
 * The address of one bot's Mini App store, or of a page in it (`products/<id>`). Undefined when
 * the installation has no public HTTPS address: Telegram opens Mini Apps over HTTPS only, so
 * the bot then sells in the chat alone.
 */
export function storeUrlOf(base: string | undefined, botId: string, page = ""): string | undefined {
  return base ? `${base}/${botId}/${page}` : undefined;
}

/**
 * Where a bot's store lives, by the bot's token: PUBLIC_URL's `/app` for every bot, but the
 * playground's demo bot talks to an emulator in Telegram's test environment, which opens Mini Apps
 * over http too. One function for the bots and the broadcast sender, built where the server starts.
 */
export type StoreBaseUrlFor = (token: string) => string | undefined;

/** PUBLIC_URL's `/app` when PUBLIC_URL is HTTPS. */
export function storeBaseUrlOf(publicUrl: string | undefined): string | undefined {
  return publicUrl?.startsWith("https://") ? `${publicUrl.replace(/\/+$/, "")}/app` : undefined;
}
