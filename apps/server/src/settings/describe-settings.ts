import type { AssistantConfig } from "@lumen/core";
import type { Config } from "../config.ts";

export type PaymentMode = "test" | "live" | "unknown";

/**
 * What this installation is configured to do, for the operator's Settings page. Built from the
 * config the server already parsed, field by field: nothing is copied wholesale, so a secret
 * (bot or provider token, YooKassa key, OpenAI key, LUMEN_SECRET, a database password) can
 * never appear here; only whether it is set.
 */
export type PublicSettings = {
  version: string;
  environment: Config["NODE_ENV"];
  publicUrl: string | null;
  botMode: "webhook" | "polling";
  database: "pglite" | "postgres";
  payments: {
    telegramStars: { enabled: true };
    telegramPayments: { enabled: boolean; mode: PaymentMode | null };
    yookassa: {
      enabled: boolean;
      mode: PaymentMode | null;
      shopId: string | null;
      receipts: boolean;
      returnUrl: string | null;
    };
    mock: { enabled: boolean };
  };
  ai: {
    configured: boolean;
    baseUrl: string;
    defaultModel: string;
    models: Array<{ id: string; price: number }>;
    timeoutMs: number;
    contextTurns: number;
  };
  trial: { messages: number; days: number | null };
  access: { reminderDays: number[]; graceMinutes: number };
  referrals: { percent: number; holdDays: number };
  operatorNotices: { configured: boolean };
};

// Telegram's payment provider tokens say TEST in the middle for test shops (e.g. 1234:TEST:abc).
const telegramProviderMode = (token: string): PaymentMode => (token.includes(":TEST:") ? "test" : "live");

// YooKassa secret keys start with test_ or live_.
const yookassaMode = (key: string): PaymentMode =>
  key.startsWith("test_") ? "test" : key.startsWith("live_") ? "live" : "unknown";

/** A URL without the user and password it may carry (http://user:pass@host). */
const withoutCredentials = (value: string): string => {
  const url = new URL(value);
  url.username = "";
  url.password = "";
  return url.toString().replace(/\/+$/, "");
};

export function describeSettings(input: {
  config: Config;
  assistant: AssistantConfig;
  version: string;
  driver: "pglite" | "postgres";
}): PublicSettings {
  const { config, assistant } = input;
  return {
    version: input.version,
    environment: config.NODE_ENV,
    publicUrl: config.PUBLIC_URL ? withoutCredentials(config.PUBLIC_URL) : null,
    botMode: config.PUBLIC_URL ? "webhook" : "polling",
    database: input.driver,
    payments: {
      telegramStars: { enabled: true },
      telegramPayments: {
        enabled: config.TELEGRAM_PROVIDER_TOKEN !== undefined,
        mode: config.TELEGRAM_PROVIDER_TOKEN ? telegramProviderMode(config.TELEGRAM_PROVIDER_TOKEN) : null,
      },
      yookassa: {
        enabled: config.YOOKASSA_SHOP_ID !== undefined && config.YOOKASSA_SECRET_KEY !== undefined,
        mode: config.YOOKASSA_SECRET_KEY ? yookassaMode(config.YOOKASSA_SECRET_KEY) : null,
        shopId: config.YOOKASSA_SHOP_ID ?? null,
        receipts: config.YOOKASSA_RECEIPTS,
        returnUrl: config.YOOKASSA_RETURN_URL ? withoutCredentials(config.YOOKASSA_RETURN_URL) : null,
      },
      mock: { enabled: config.PAYMENTS_MOCK },
    },
    ai: {
      configured: config.OPENAI_API_KEY !== undefined,
      baseUrl: withoutCredentials(config.OPENAI_BASE_URL),
      defaultModel: assistant.defaultModel,
      models: assistant.models.map(({ id, price }) => ({ id, price })),
      timeoutMs: config.AI_TIMEOUT_MS,
      contextTurns: assistant.contextTurns,
    },
    trial: { messages: assistant.trialMessages, days: assistant.trialDays },
    access: { reminderDays: config.ACCESS_REMINDER_DAYS, graceMinutes: config.ACCESS_GRACE_MINUTES },
    referrals: { percent: config.REFERRAL_PERCENT, holdDays: config.REFERRAL_HOLD_DAYS },
    operatorNotices: { configured: config.ADMIN_CHAT_ID !== undefined },
  };
}
