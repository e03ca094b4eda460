import { type CoreContext, listBots, systemActor, updateBot } from "@lumen/core";
import type { Config } from "../config.ts";
import { mayRunPlayground } from "../config.ts";
import { isDemoBot } from "./demo-world.ts";

export type PlaygroundDecision = { run: true; reason: "no bot yet" | "PLAYGROUND=true" } | { run: false };

/**
 * The playground is the default only until a real bot exists (BOT_TOKEN or one saved), and
 * never in production. Once it is not running, the demo bot saved by an earlier run is switched
 * off, so it is never sent to the real Telegram.
 */
export async function decidePlayground(
  config: Config,
  core: CoreContext,
  role: "all" | "api" | "worker",
): Promise<PlaygroundDecision> {
  const saved = await listBots(core);
  const demo = saved.filter(isDemoBot);
  const real = saved.filter((bot) => !isDemoBot(bot));
  let decision: PlaygroundDecision = { run: false };
  // One process runs it all: the emulator lives in memory, so an api/worker split cannot share it.
  if (mayRunPlayground(config) && role === "all") {
    if (config.PLAYGROUND === "true") decision = { run: true, reason: "PLAYGROUND=true" };
    else if (!config.BOT_TOKEN && real.length === 0) decision = { run: true, reason: "no bot yet" };
  }
  if (!decision.run) {
    for (const bot of demo.filter((b) => b.enabled))
      await updateBot(core, systemActor, { botId: bot.id, enabled: false });
  }
  return decision;
}
