import { z } from "zod";
import { timestamp } from "./common.ts";

/** A person of the playground's emulated Telegram, chatting with the demo bot. */
export const playgroundUser = z
  .object({
    id: z.number().int().describe("Their (emulated) Telegram id"),
    first_name: z.string(),
    username: z.string(),
    language: z.enum(["en", "ru"]),
    stars: z.number().int().describe("Test Stars left in this run"),
    user_id: z.uuid().nullable().describe("Lumen's user id, once they wrote to the bot"),
  })
  .meta({ id: "PlaygroundUser" });

export const playgroundMemberStatus = z.enum([
  "creator",
  "administrator",
  "member",
  "restricted",
  "left",
  "kicked",
]);

export const playgroundState = z
  .object({
    bot: z.object({ id: z.uuid(), username: z.string(), first_name: z.string() }),
    users: z.array(playgroundUser),
    now: timestamp.describe("Lumen's clock (moved by time travel)"),
    menu_button: z
      .object({ text: z.string(), url: z.string() })
      .nullable()
      .describe("The Mini App button the bot set beside the message field (setChatMenuButton)"),
    channel: z.object({
      id: z.number().int(),
      title: z.string(),
      members: z.array(
        z.object({ id: z.number().int(), first_name: z.string(), status: playgroundMemberStatus }),
      ),
      links: z
        .array(z.object({ link: z.string(), sent_to: z.number().int() }))
        .describe("Invite links the bot sent to the test users in their chats, newest first"),
      removed: z
        .array(
          z.object({
            telegram_id: z.number().int(),
            first_name: z.string(),
            link_sent_to: z.number().int().nullable().describe("The test user the used link was sent to"),
            at: timestamp,
          }),
        )
        .describe("People Lumen removed for joining by someone else's link, newest first"),
    }),
  })
  .meta({ id: "PlaygroundState" });

export const playgroundEntity = z.object({
  type: z.string(),
  offset: z.number().int(),
  length: z.number().int(),
  url: z.string().optional(),
});

export const playgroundButton = z.object({
  text: z.string(),
  callback_data: z.string().nullable(),
  url: z.string().nullable(),
  web_app: z.boolean().describe("The url opens the bot's Mini App (a web_app button)"),
});

export const playgroundMessage = z
  .object({
    id: z.number().int(),
    from_bot: z.boolean(),
    text: z.string(),
    entities: z.array(playgroundEntity),
    buttons: z.array(z.array(playgroundButton)),
    invoice: z
      .object({
        title: z.string(),
        description: z.string(),
        currency: z.string(),
        total_amount: z.number().int(),
      })
      .nullable(),
    /** A successful_payment service message: what was paid. */
    payment: z
      .object({
        currency: z.string(),
        total_amount: z.number().int(),
        refunded: z.boolean().describe("The bot refunded it (refundStarPayment)"),
      })
      .nullable(),
    /** A refunded_payment service message: Telegram's note that the bot gave Stars back. */
    refund: z.object({ currency: z.string(), total_amount: z.number().int() }).nullable(),
    edited: z.boolean(),
    date: timestamp,
  })
  .meta({ id: "PlaygroundMessage" });

export const playgroundChat = z.object({
  messages: z.array(playgroundMessage),
  draft: z
    .string()
    .nullable()
    .describe("The answer the bot is writing (sendMessageDraft), until its message arrives"),
});

export const playgroundUserParam = z.object({ user_id: z.coerce.number().int() });

export const playgroundSendRequest = z.object({ text: z.string().trim().min(1).max(4096) });

export const playgroundPressRequest = z.object({
  message_id: z.number().int().min(1),
  callback_data: z.string().min(1).max(64),
});

const invoiceLink = z
  .string()
  .regex(/^https:\/\/t\.me\/\$[\w-]+$/, "is not an invoice link (https://t.me/$...)");

/** An invoice message in the chat, or an invoice link the bot sent (Star subscriptions). */
export const playgroundInvoiceRef = z
  .object({ message_id: z.number().int().min(1).optional(), link: invoiceLink.optional() })
  .refine((ref) => (ref.message_id === undefined) !== (ref.link === undefined), "give message_id or link");

export const playgroundInvoiceQuery = z.object({
  message_id: z.coerce.number().int().min(1).optional(),
  link: invoiceLink.optional(),
});

export const playgroundInvoice = z
  .object({
    title: z.string(),
    description: z.string(),
    currency: z.string(),
    total_amount: z.number().int(),
    subscription_period: z
      .number()
      .int()
      .nullable()
      .describe("Seconds between charges of a Star subscription"),
  })
  .meta({ id: "PlaygroundInvoice" });

export const playgroundPayRequest = playgroundInvoiceRef;

export const playgroundPayResult = z.object({
  ok: z.boolean(),
  error_message: z
    .string()
    .nullable()
    .describe("Why it did not go through (the bot declined, too few Stars)"),
  stars: z.number().int().describe("Test Stars left"),
});

export const playgroundJoinRequest = z.object({
  link: z
    .string()
    .regex(/^https:\/\/t\.me\/\+[\w-]+$/, "is not an invite link (https://t.me/+...)")
    .describe("An invite link the bot sent"),
});

export const playgroundJoinResult = z.object({
  outcome: z.string().describe("joined, or requested (a join request awaits the bot)"),
});

export const playgroundTimeTravelRequest = z.object({
  skip: z.enum(["day", "plan_end"]),
  user_id: z.number().int().optional().describe("Whose plan's end (skip plan_end)"),
});

export const playgroundTimeTravelResult = z.object({ now: timestamp });

export const playgroundMiniAppRequest = z.object({
  url: z
    .string()
    .max(2000)
    .optional()
    .describe("The web_app button's address; the store's front page when absent"),
});

export const playgroundMiniAppLaunch = z.object({
  url: z
    .string()
    .describe("The store on this server, with signed test init data in the hash as Telegram passes it"),
});

export const playgroundJoinRequestResult = z.object({
  status: playgroundMemberStatus.describe(
    "The test user's place in the demo channel now; the bot answers the request by itself, the page follows live",
  ),
});
