import { demoPartner } from "@lumen/core";

/**
 * The playground's fixed cast. Ids are fixed so the people and the channel Lumen saved in an
 * earlier run are the same ones after a restart (the emulator itself keeps nothing on disk).
 */
export const demoBot = { id: 7_000_000_042, username: "lumen_demo_bot", firstName: "Lumen Demo" } as const;

export type TestUser = {
  id: number;
  firstName: string;
  username: string;
  languageCode: "en" | "ru";
  /** Test Stars this person starts each run with; paying an invoice in Stars spends them. */
  stars: number;
};

export const testUsers: readonly TestUser[] = [
  { id: 500_000_901, firstName: "Alice", username: "alice_demo", languageCode: "en", stars: 2500 },
  { id: 500_000_902, firstName: "Борис", username: "boris_demo", languageCode: "ru", stars: 1000 },
  {
    id: demoPartner.telegramId,
    firstName: demoPartner.firstName,
    username: demoPartner.username,
    languageCode: "en",
    stars: 500,
  },
];

export const channelOwner = { id: 500_000_899, firstName: "Demo Owner", languageCode: "en" } as const;

export const demoChannel = { id: -1_002_100_000_042, title: "Lumen Demo Channel" } as const;

/** The demo bot's features: everything the playground can show. */
export const demoBotFeatures = ["assistant", "shop", "access", "courses"] as const;

export const isDemoBot = (bot: { telegramId: number; username: string }) =>
  bot.telegramId === demoBot.id && bot.username === demoBot.username;
