/**
 * Callback data is "<prefix>:<value>"; Telegram allows 64 bytes. Each button's data is built
 * and parsed here so a typo shows up as a type error, not as a button that does nothing.
 */
export const menuTargets = [
  "home",
  "ask",
  "balance",
  "topup",
  "settings",
  "trial",
  "account",
  "language",
  "help",
] as const;
export type MenuTarget = (typeof menuTargets)[number];

export const menuData = (target: MenuTarget) => `menu:${target}`;
export const menuDataPattern = new RegExp(`^menu:(${menuTargets.join("|")})$`);

export const languageData = (locale: string) => `lang:${locale}`;
export const languageDataPattern = /^lang:(en|ru)$/;

export const settingsData = (what: "model" | "style") => `settings:${what}`;
export const settingsDataPattern = /^settings:(model|style)$/;

export const modelData = (model: string) => `model:${model}`.slice(0, 64);
export const modelDataPattern = /^model:(.+)$/;

export const styleData = (style: string) => `style:${style}`;
export const styleDataPattern = /^style:(\w+)$/;

export const retryData = (messageId: string) => `retry:${messageId}`;
export const retryDataPattern = /^retry:([0-9a-f-]{36})$/;

export type BuyMethod = "XTR" | "RUB" | "MOCK";
export const buyData = (productId: string, method: BuyMethod) => `buy:${productId}:${method}`;
export const buyDataPattern = /^buy:([0-9a-f-]{36}):(XTR|RUB|MOCK)$/;

export const loginData = (code: string, approve: boolean) => `login:${approve ? "yes" : "no"}:${code}`;
export const loginDataPattern = /^login:(yes|no):([A-Z2-9]{10})$/;

export const sessionEndData = (sessionId: string | "all") => `session:end:${sessionId}`;
export const sessionEndDataPattern = /^session:end:([0-9a-f-]{36}|all)$/;

/** A broadcast's button: the broadcast and the button's position, so the press is counted. */
export const broadcastButtonData = (broadcastId: string, index: number) => `bc:${broadcastId}:${index}`;
export const broadcastButtonDataPattern = /^bc:([0-9a-f-]{36}):(\d)$/;
