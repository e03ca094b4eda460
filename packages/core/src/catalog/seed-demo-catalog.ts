import { products } from "@lumen/db";
import { inArray } from "drizzle-orm";
import type { Actor, CoreContext } from "../shared/context.ts";
import { createProduct } from "./manage-products.ts";
import type { ProductInput } from "./product-input.ts";

const demoProducts: ProductInput[] = [
  {
    title: "100 AI credits",
    description: "100 questions to the assistant on the standard model.",
    sortOrder: 10,
    details: { kind: "credits", credits: 100 },
    prices: [
      { currency: "XTR", amount: 100 },
      { currency: "RUB", amount: 19_900 },
    ],
  },
  {
    title: "500 AI credits",
    description: "The best value: 500 questions.",
    sortOrder: 20,
    details: { kind: "credits", credits: 500 },
    prices: [
      { currency: "XTR", amount: 400 },
      { currency: "RUB", amount: 79_900 },
    ],
  },
  {
    title: "Unlimited month",
    description: "30 days of questions without counting (fair use: 3000 a month).",
    sortOrder: 30,
    details: {
      kind: "plan",
      planCode: "unlimited",
      periodDays: 30,
      messagesPerPeriod: null,
      fairUseCap: 3000,
    },
    prices: [
      { currency: "XTR", amount: 750 },
      { currency: "RUB", amount: 149_000 },
    ],
  },
  {
    title: "Prompt engineering cheat sheet",
    description: "A one-page guide to writing prompts that work.",
    sortOrder: 40,
    details: {
      kind: "digital",
      text: "Be specific. Give examples. Ask for a format. Iterate.",
      fileId: null,
    },
    prices: [{ currency: "XTR", amount: 50 }],
  },
];

export const demoChannelPlanTitle = "Demo channel: 30 days";

/** A plan that opens a chat the bot administers (the playground's demo channel). */
const channelPlan = (chatId: number): ProductInput => ({
  title: demoChannelPlanTitle,
  description: "30 days in the demo channel; the bot sends a one-person invite link.",
  sortOrder: 35,
  details: { kind: "plan", planCode: "demo-channel", periodDays: 30, channelIds: [chatId] },
  prices: [
    { currency: "XTR", amount: 250 },
    { currency: "RUB", amount: 49_000 },
  ],
});

/**
 * `npm run lumen -- demo`: a small catalog to try the bot with (and, given a chat a bot already
 * administers, a plan for it). Adds only what is missing, by title.
 */
export async function seedDemoCatalog(
  ctx: CoreContext,
  actor: Actor,
  options: { channelChatId?: number } = {},
): Promise<{ created: string[] }> {
  const demo =
    options.channelChatId === undefined
      ? demoProducts
      : [...demoProducts, channelPlan(options.channelChatId)];
  const existing = await ctx.db
    .select({ title: products.title })
    .from(products)
    .where(
      inArray(
        products.title,
        demo.map((d) => d.title),
      ),
    );
  const have = new Set(existing.map((e) => e.title));
  const created: string[] = [];
  for (const product of demo) {
    if (have.has(product.title)) continue;
    await createProduct(ctx, actor, product);
    created.push(product.title);
  }
  return { created };
}
