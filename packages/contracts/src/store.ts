import { z } from "zod";
import { timestamp } from "./common.ts";
import { tariffName } from "./courses.ts";
import { partnerMoney } from "./sales.ts";

/**
 * The buyer's API behind the Mini App and the installed app (`/api/v1/app/:bot_id/*`). Buyers
 * are identified by Telegram's signed launch data, never by operator sessions or API keys, so
 * these shapes show a buyer only what is theirs and what the store sells.
 */

const currency = z.enum(["XTR", "RUB"]);

export const storeBotParam = z.object({ bot_id: z.uuid() });
export const storeItemParam = z.object({ bot_id: z.uuid(), id: z.uuid() });
export const storeOrderParam = z.object({ bot_id: z.uuid(), order_id: z.uuid() });

export const storeProduct = z
  .object({
    id: z.uuid(),
    kind: z.enum(["credits", "plan", "course", "digital"]),
    title: z.string(),
    description: z.string(),
    image_url: z.string().nullable(),
    category: z.string().nullable().describe("The shelf the store shows it on"),
    prices: z.array(z.object({ currency, amount: z.number().int() })),
    /** Credits a credits pack grants. */
    credits: z.number().int().nullable(),
    /** Days a plan lasts per purchase. */
    period_days: z.number().int().nullable(),
    /** AI questions a plan includes per period; null: no plan, or unlimited within fair use. */
    messages_per_period: z.number().int().nullable(),
    /** Telegram chats a plan opens. */
    chat_count: z.number().int(),
  })
  .meta({ id: "StoreProduct" });

export const storeCatalog = z.object({ items: z.array(storeProduct) }).meta({ id: "StoreCatalog" });

export const storeOrder = z
  .object({
    id: z.uuid(),
    product_id: z.uuid(),
    title: z.string(),
    currency,
    amount: z.number().int(),
    provider: z.enum(["stars", "telegram", "yookassa", "mock"]),
    status: z.enum(["pending", "paid", "cancelled", "expired", "refunded"]),
    created_at: timestamp,
    paid_at: timestamp.nullable(),
    /** What the payment gave, once paid: the balance after a credits pack, the plan's end. */
    granted: z
      .object({ balance: z.number().int().nullable(), plan_ends_at: timestamp.nullable() })
      .nullable(),
    /**
     * The receipt once paid (or refunded): the provider's payment id, the price before a promo
     * code, what the order bought (fixed when it was made) and the bot that sold it.
     */
    receipt: z
      .object({
        list_amount: z.number().int().nullable(),
        promo_code: z.string().nullable(),
        payment_id: z.string(),
        paid_at: timestamp,
        refunded_at: timestamp.nullable(),
        item: z.object({
          kind: z.enum(["credits", "plan", "course", "digital"]),
          credits: z.number().int().nullable(),
          period_days: z.number().int().nullable(),
          tariff: tariffName.nullable(),
          upgrade_from: tariffName.nullable().describe("A course upgrade: the tariff before it"),
        }),
        seller: z.string().nullable().describe("The bot's name"),
      })
      .nullable(),
  })
  .meta({ id: "StoreOrder" });

export const storeCheckoutRequest = z.object({
  product_id: z.uuid(),
  currency,
  /** Omitted: Stars for XTR; for RUB, YooKassa when configured, else Telegram Payments. */
  provider: z.enum(["stars", "telegram", "yookassa", "mock"]).optional(),
  promo_code: z.string().trim().min(1).max(32).optional(),
  /** For a YooKassa fiscal receipt, when the shop sends them. */
  email: z.email().max(254).optional(),
});

export const storeCheckoutResponse = z
  .object({
    order: storeOrder,
    /** invoice_link: `openInvoice(url)`; star_subscription_link the same; redirect: open the page. */
    kind: z.enum(["invoice_link", "star_subscription_link", "redirect", "mock"]),
    url: z.string().nullable(),
    settles_in_seconds: z.number().int().nullable(),
  })
  .meta({ id: "StoreCheckout" });

export const storeAccount = z
  .object({
    user: z.object({
      id: z.uuid(),
      first_name: z.string(),
      username: z.string().nullable(),
      language: z.string().nullable(),
      locale: z
        .enum(["en", "ru"])
        .nullable()
        .describe("The language the buyer chose in the bot or the app, if any"),
    }),
    balance: z.number().int(),
    plans: z.array(
      z.object({
        id: z.uuid(),
        plan_code: z.string(),
        title: z.string(),
        status: z.string(),
        ends_at: timestamp,
        renews: z.boolean(),
        /** The product that renews this plan for this buyer here (null: none on sale). */
        renew_product_id: z.uuid().nullable(),
      }),
    ),
  })
  .meta({ id: "StoreAccount" });

/** A random key the installed app keeps for itself: only it can collect the session of its code. */
const browserKey = z.string().regex(/^[\w-]{32,128}$/, "must be 32-128 URL-safe characters");

export const storeLoginRequest = z.object({ browser_key: browserKey });

export const storeLoginResponse = z
  .object({
    code: z.string(),
    /** Opens the bot, which asks the buyer to confirm this sign-in. */
    link: z.string(),
    expires_at: timestamp,
  })
  .meta({ id: "StoreLogin" });

export const storeLoginCodeParam = z.object({
  code: z.string().regex(/^[A-Z2-9]{10}$/, "is not a sign-in code"),
});
export const storeBrowserKeyHeaders = z.object({ "x-browser-key": browserKey });

export const storeTokens = z
  .object({
    access_token: z.string(),
    refresh_token: z.string(),
    access_expires_at: timestamp,
  })
  .meta({ id: "StoreTokens" });

export const storeLoginStatus = z
  .object({
    status: z.enum(["pending", "denied", "expired", "confirmed"]),
    /** Set once, with status confirmed: the code is spent by this answer. */
    tokens: storeTokens.nullable(),
  })
  .meta({ id: "StoreLoginStatus" });

export const storeRefreshRequest = z.object({ refresh_token: z.string().min(1).max(200) });

export const storeEventsRequest = z.object({
  events: z
    .array(
      z.object({
        type: z.enum(["app_opened", "product_viewed", "checkout_started"]),
        product_id: z.uuid().nullish(),
        source: z.string().trim().min(1).max(64).nullish(),
      }),
    )
    .min(1)
    .max(50),
});

export const storeEventsResponse = z.object({ stored: z.number().int() });

export const storeLedgerQuery = z.object({
  before_id: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(100).default(30),
});

/** The buyer's credit history: what came in and went out, and the balance after each. */
export const storeLedger = z
  .object({
    items: z.array(
      z.object({
        id: z.number().int(),
        delta: z.number().int(),
        reason: z.string(),
        balance_after: z.number().int(),
        created_at: timestamp,
      }),
    ),
    next_before_id: z.number().int().nullable(),
  })
  .meta({ id: "StoreLedger" });

export const storeOrdersQuery = z.object({ limit: z.coerce.number().int().min(1).max(50).default(20) });
export const storeOrderList = z
  .object({ items: z.array(storeOrder.omit({ granted: true, receipt: true })) })
  .meta({ id: "StoreOrderList" });

export const storeChatParam = z.object({
  bot_id: z.uuid(),
  chat_id: z.coerce
    .number()
    .int()
    .min(-(2 ** 52))
    .max(2 ** 52),
});

/** The chats the buyer's live plans open, with the personal link to use now. */
export const storeChats = z
  .object({
    items: z.array(
      z.object({
        chat_id: z.number().int(),
        title: z.string(),
        plan_title: z.string(),
        invite_link: z.string().nullable(),
        joined: z.boolean(),
      }),
    ),
  })
  .meta({ id: "StoreChats" });

export const storeLanguageRequest = z.object({ locale: z.enum(["en", "ru"]) });

/** The buyer as a partner: their referral link and what it brought (the bot's /partner). */
export const storePartner = z
  .object({
    link: z.url(),
    clicks: z.number().int(),
    signups: z.number().int(),
    paying_users: z.number().int(),
    money: z.array(partnerMoney),
    percent: z.number(),
    hold_days: z.number().int(),
  })
  .meta({ id: "StorePartner" });
