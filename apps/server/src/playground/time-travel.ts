import { type CoreContext, findUserByTelegramId, LumenError, listUserSubscriptions } from "@lumen/core";

const DAY_MS = 86_400_000;

export type TimeTravel = {
  clock: { advance(ms: number): Date; now(): Date };
  /** The scheduled work that watches the clock (reminders, expiry), run at once after a jump. */
  runDueJobs(): Promise<void>;
};

/**
 * The playground's "skip 1 day" and "skip to the plan's end": Lumen's clock (playground mode
 * only) moves forward, then the jobs that act on time run now, so reminders and expiry can be
 * watched in minutes instead of days.
 */
export async function skipTime(
  core: CoreContext,
  travel: TimeTravel,
  input: { skip: "day" | "plan_end"; telegramId?: number | undefined },
): Promise<Date> {
  let ms = DAY_MS;
  if (input.skip === "plan_end") {
    const user =
      input.telegramId === undefined ? undefined : await findUserByTelegramId(core.db, input.telegramId);
    const now = core.clock.now();
    const plans = user ? await listUserSubscriptions(core.db, { userId: user.id, now }) : [];
    const ends = plans.map((p) => p.endsAt.getTime()).filter((end) => end > now.getTime());
    if (ends.length === 0)
      throw new LumenError("VALIDATION_FAILED", "This person has no running plan", { field: "user_id" });
    // Just past the last running plan's end, so it has ended when the jobs look.
    ms = Math.max(...ends) - now.getTime() + 60_000;
  }
  const now = travel.clock.advance(ms);
  await travel.runDueJobs();
  return now;
}
