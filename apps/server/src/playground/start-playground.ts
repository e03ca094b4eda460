import { type CoreContext, type DemoDataResult, LumenError, seedDemoData, systemActor } from "@lumen/core";
import type { BotHandle, TelegramEmulator } from "@lumen/testkit";
import type { Logger } from "pino";
import type { BotRuntime } from "../bot/bot-runtime.ts";
import {
  channelOwner,
  demoBot,
  demoBotFeatures,
  demoChannel,
  type TestUser,
  testUsers,
} from "./demo-world.ts";
import { createPlaygroundEvents, type PlaygroundEvents } from "./playground-events.ts";

export type Playground = {
  tg: TelegramEmulator;
  bot: BotHandle;
  /** Lumen's id of the demo bot, once registered. */
  botId(): string;
  users: readonly TestUser[];
  /** The test user with this Telegram id; NOT_FOUND for any other id. */
  testUser(id: number): TestUser;
  /** The demo store's page `path` as the test user's Telegram client opens it: signed launch data, dated by Lumen's clock. */
  miniAppUrl(userId: number, path: string): string;
  /** The live feed of the playground page. */
  events: PlaygroundEvents;
  /** Routes the demo bot's calls to the emulator; every other bot keeps TELEGRAM_API_ROOT. */
  apiRootFor(token: string, fallback: string): string;
  /** Registers the demo bot, adds it to the demo channel, and loads the demo data (once). */
  connect(bots: BotRuntime): Promise<DemoDataResult>;
  close(): Promise<void>;
};

/**
 * Starts the in-process Telegram emulator with the demo bot, the test users and the demo
 * channel. The testkit is imported here, on demand, so a production process never loads it.
 */
export async function startPlayground(options: { core: CoreContext; logger: Logger }): Promise<Playground> {
  const { createTelegramEmulator, miniAppLaunchUrl } = await import("@lumen/testkit");
  const tg = await createTelegramEmulator({
    // The emulator's dates follow Lumen's clock, so skipping a day moves both.
    now: () => options.core.clock.now().getTime(),
    // Telegram's test environment: the demo bot's Mini App may be served over plain http locally.
    testEnvironment: true,
  });
  const bot = tg.createBot({ ...demoBot });
  for (const user of testUsers) {
    tg.createUser({
      id: user.id,
      firstName: user.firstName,
      username: user.username,
      languageCode: user.languageCode,
    });
  }
  const owner = tg.createUser({ ...channelOwner });
  tg.createChat({ id: demoChannel.id, type: "channel", title: demoChannel.title, creator: owner });
  const events = createPlaygroundEvents(tg);
  let registeredId: string | undefined;
  return {
    tg,
    bot,
    users: testUsers,
    testUser(id) {
      const user = testUsers.find((u) => u.id === id);
      if (!user) throw new LumenError("NOT_FOUND", `No test user ${id}`);
      return user;
    },
    miniAppUrl(userId, path) {
      // Dated by Lumen's clock, so the launch data stays fresh after time travel.
      const initData = tg.launchMiniApp(bot, userId, { authDate: options.core.clock.now() });
      return miniAppLaunchUrl(path, initData, { platform: "weba" });
    },
    events,
    botId() {
      if (!registeredId) throw new Error("the demo bot is not registered yet");
      return registeredId;
    },
    apiRootFor: (token, fallback) => (token === bot.token ? tg.apiRoot : fallback),
    async connect(bots) {
      // The emulator makes a new token each run; registering it again updates the saved bot.
      const saved = await bots.addBot(systemActor, {
        token: bot.token,
        features: [...demoBotFeatures],
        enabled: true,
      });
      registeredId = saved.id;
      let channelChatId: number | undefined = demoChannel.id;
      try {
        await tg.addBotToChat(bot, demoChannel.id, {
          status: "administrator",
          rights: { can_invite_users: true, can_restrict_members: true },
        });
        // The bot records the channel from its my_chat_member update, as with a real channel.
        await tg.waitUntilHandled(bot, { timeoutMs: 15_000 });
      } catch (error) {
        // With PUBLIC_URL set the emulator delivers by webhook, which may not reach this process;
        // the rest of the demo still works, without the channel plan.
        channelChatId = undefined;
        options.logger.warn(
          { err: (error as Error).message },
          "playground: the demo channel could not be set up",
        );
      }
      const seed = (input: { channelChatId?: number }) => seedDemoData(options.core, systemActor, input);
      let result: DemoDataResult;
      try {
        result = await seed(channelChatId === undefined ? {} : { channelChatId });
      } catch (error) {
        // The channel plan needs the channel recorded for this bot; a database that already holds
        // other demo data may not have it. The playground then starts without that plan.
        if (channelChatId === undefined) throw error;
        options.logger.warn(
          { err: (error as Error).message },
          "playground: the demo channel plan could not be made; the rest of the demo is loaded",
        );
        result = await seed({});
      }
      if (result.created.length)
        options.logger.info({ created: result.created }, "playground demo data loaded");
      return result;
    },
    async close() {
      events.close();
      await tg.close();
    },
  };
}
