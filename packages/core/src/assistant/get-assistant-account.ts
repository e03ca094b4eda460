import { assistantSettings, type Database, definePreparedSql, runPreparedSql } from "@lumen/db";
import { eq } from "drizzle-orm";
import type { CoreContext } from "../shared/context.ts";
import { notFound } from "../shared/errors.ts";
import { jsonOf } from "../shared/sql-rows.ts";
import { type ActivePlan, activePlanOf, type LivePlanRow } from "../subscriptions/get-active-plan.ts";
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

/**
 * Plain SQL by name, not five Drizzle reads: the bot's /balance and main menu read this on every
 * press, and each read was a round trip (issue 13's bot-updates bench). One statement says whether
 * the user exists and reads their balance, the live plan that ends first (as `selectLivePlans`
 * orders them), their preferences and their trial; the rules stay in TypeScript below.
 */
const readAccountSql = definePreparedSql(
  "lumen_read_assistant_account_v1",
  `select exists (select 1 from users where id = $1::uuid) as user_exists,
    coalesce((select balance from credit_balances where user_id = $1::uuid), 0)::text as balance,
    (select json_build_object('id', s.id, 'planCode', s.plan_code, 'title', s.title, 'startsAt', s.starts_at,
        'endsAt', s.ends_at, 'periodDays', s.period_days, 'messagesPerPeriod', s.messages_per_period,
        'fairUseCap', s.fair_use_cap, 'usagePeriod', s.usage_period, 'usageCount', s.usage_count)
      from subscriptions s
      where s.user_id = $1::uuid and s.status in ('active', 'trial') and s.starts_at <= $2::timestamptz
        and s.ends_at > $2::timestamptz
      order by s.ends_at limit 1) as plan,
    (select json_build_object('model', a.model, 'style', a.style) from assistant_settings a
      where a.user_id = $1::uuid) as prefs,
    (select json_build_object('messagesLeft', t.messages_left, 'expiresAt', t.expires_at) from assistant_trials t
      where t.user_id = $1::uuid) as trial`,
);

type AccountRow = { user_exists: boolean; balance: string; plan: unknown; prefs: unknown; trial: unknown };
type JsonPlan = Omit<LivePlanRow, "startsAt" | "endsAt"> & { startsAt: string; endsAt: string };

/** Everything /balance and GET /users/{id}/credits show, read in one place. */
export async function getAssistantAccount(
  ctx: CoreContext,
  config: AssistantConfig,
  userId: string,
): Promise<AssistantAccount> {
  const now = ctx.clock.now();
  const [row] = await runPreparedSql<AccountRow>(ctx.db, readAccountSql, [userId, now]);
  if (!row?.user_exists) throw notFound("User", userId);
  const balance = Number(row.balance);
  const stored = row.plan ? jsonOf<JsonPlan>(row.plan) : null;
  const plan = stored
    ? activePlanOf({ ...stored, startsAt: new Date(stored.startsAt), endsAt: new Date(stored.endsAt) }, now)
    : null;
  const prefs = preferencesFrom(
    config,
    row.prefs
      ? { ...jsonOf<{ model: string | null; style: string | null }>(row.prefs), conversationStartedAt: null }
      : undefined,
  );
  const storedTrial = row.trial
    ? jsonOf<{ messagesLeft: number; expiresAt: string | null }>(row.trial)
    : null;
  const trial = storedTrial && {
    messagesLeft: storedTrial.messagesLeft,
    expiresAt: storedTrial.expiresAt ? new Date(storedTrial.expiresAt) : null,
  };
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
