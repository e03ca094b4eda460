import { assistantSettings, assistantTrials, type Database } from "@lumen/db";
import { eq } from "drizzle-orm";
import { getCreditBalance } from "../credits/read-credits.ts";
import type { CoreContext } from "../shared/context.ts";
import { type ActivePlan, getActivePlan } from "../subscriptions/get-active-plan.ts";
import { assertUserExists } from "../users/get-user.ts";
import type { AssistantConfig } from "./assistant-config.ts";

export type AssistantAccount = {
  balance: number;
  trial: { used: boolean; messagesLeft: number; expiresAt: Date | null; active: boolean };
  plan: ActivePlan | null;
  model: string;
  style: string;
  /** Whether the next question would be answered (plan quota, trial messages or enough credits). */
  canAsk: boolean;
};

type StoredPreferences =
  | { model: string | null; style: string | null; conversationStartedAt: Date | null }
  | undefined;

/** The user's stored choices; a model no longer offered falls back to the default. */
export function preferencesFrom(config: AssistantConfig, row: StoredPreferences) {
  const model = row?.model && config.models.some((m) => m.id === row.model) ? row.model : config.defaultModel;
  return {
    model,
    style: row?.style ?? "balanced",
    conversationStartedAt: row?.conversationStartedAt ?? new Date(0),
  };
}

export async function getAssistantPreferences(db: Database, config: AssistantConfig, userId: string) {
  const [row] = await db.select().from(assistantSettings).where(eq(assistantSettings.userId, userId));
  return preferencesFrom(config, row);
}

/** Everything /balance and GET /users/{id}/credits show, read in one place. */
export async function getAssistantAccount(
  ctx: CoreContext,
  config: AssistantConfig,
  userId: string,
): Promise<AssistantAccount> {
  await assertUserExists(ctx.db, userId);
  const now = ctx.clock.now();
  const [balance, plan, prefs, [trial]] = await Promise.all([
    getCreditBalance(ctx.db, userId),
    getActivePlan(ctx.db, userId, now),
    getAssistantPreferences(ctx.db, config, userId),
    ctx.db.select().from(assistantTrials).where(eq(assistantTrials.userId, userId)),
  ]);
  const trialActive = !!trial && trial.messagesLeft > 0 && (!trial.expiresAt || trial.expiresAt > now);
  const price = config.models.find((m) => m.id === prefs.model)?.price ?? 1;
  return {
    balance,
    trial: {
      used: !!trial,
      messagesLeft: trialActive ? (trial?.messagesLeft ?? 0) : 0,
      expiresAt: trial?.expiresAt ?? null,
      active: trialActive,
    },
    plan,
    model: prefs.model,
    style: prefs.style,
    canAsk: (plan?.messagesLeftThisPeriod ?? 0) > 0 || trialActive || balance >= price,
  };
}
