/**
 * Callback data is "<prefix>:<value>"; Telegram allows 64 bytes. Each button's data is built
 * and parsed here so a typo shows up as a type error, not as a button that does nothing.
 */
export const menuTargets = ["home", "account", "language", "help"] as const;
export type MenuTarget = (typeof menuTargets)[number];

export const menuData = (target: MenuTarget) => `menu:${target}`;
export const menuDataPattern = new RegExp(`^menu:(${menuTargets.join("|")})$`);

export const languageData = (locale: string) => `lang:${locale}`;
export const languageDataPattern = /^lang:(en|ru)$/;
