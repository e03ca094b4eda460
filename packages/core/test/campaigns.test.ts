import { randomBytes } from "node:crypto";
import { assistantTrials, campaignSends, orders, products, promos, subscriptions } from "@lumen/db";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type BroadcastMessage,
  type BroadcastSender,
  cliActor,
  createSecretBox,
  listCampaigns,
  registerBot,
  runCampaigns,
  updateCampaign,
  upsertTelegramUser,
} from "../src/index.ts";
import { createTestCore } from "./support.ts";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
let t: Awaited<ReturnType<typeof createTestCore>>;
let botId: string;
const noWait = async () => {};
const sent: BroadcastMessage[] = [];
const telegram: BroadcastSender = {
  async send(_bot, message) {
    sent.push(message);
    return { kind: "sent", messageId: sent.length };
  },
};
const ids: Record<string, string> = {};
const tg: Record<string, number> = {};

beforeAll(async () => {
  t = await createTestCore();
  botId = (
    await registerBot(t.core, cliActor, createSecretBox(randomBytes(32)), {
      token: `91:${"D".repeat(35)}`,
      me: { id: 91, username: "camp_bot", firstName: "Camp" },
    })
  ).id;
  const now = t.clock.now();
  const person = async (name: string, telegramId: number, language = "en") => {
    const user = await upsertTelegramUser(t.core, {
      telegramId,
      firstName: name,
      languageCode: language,
      botId,
    });
    ids[name] = user.id;
    tg[name] = telegramId;
    return user;
  };
  // Old enough to be a newcomer only after the clock moves (see the newcomer test).
  const trial = await person("Tara", 91_001);
  await t.core.db.insert(assistantTrials).values({
    userId: trial.id,
    messagesGranted: 5,
    messagesLeft: 2,
    startedAt: now,
    expiresAt: new Date(now.getTime() + 5 * HOUR),
  });
  const buyer = await person("Oleg", 91_002, "ru");
  const [product] = await t.core.db
    .insert(products)
    .values({ kind: "credits", title: "Pack", details: { kind: "credits", credits: 10 } })
    .returning();
  await t.core.db.insert(orders).values({
    userId: buyer.id,
    productId: product?.id ?? "",
    botId,
    kind: "credits",
    title: "Pack",
    details: { kind: "credits", credits: 10 },
    currency: "XTR",
    amount: 50,
    provider: "stars",
    status: "pending",
    expiresAt: now,
    createdAt: new Date(now.getTime() - 3 * HOUR),
  });
  const gone = await person("Wanda", 91_003);
  await t.core.db.insert(subscriptions).values({
    userId: gone.id,
    planCode: "club",
    title: "Club",
    status: "expired",
    startsAt: new Date(now.getTime() - 40 * DAY),
    endsAt: new Date(now.getTime() - 8 * DAY),
    periodDays: 30,
    fairUseCap: 100,
    botId,
  });
  await t.core.db.insert(orders).values({
    userId: gone.id,
    productId: product?.id ?? "",
    botId,
    kind: "credits",
    title: "Pack",
    details: { kind: "credits", credits: 10 },
    currency: "XTR",
    amount: 50,
    provider: "stars",
    status: "paid",
    paidAt: new Date(now.getTime() - 40 * DAY),
    expiresAt: now,
    createdAt: new Date(now.getTime() - 40 * DAY),
  });
  for (const kind of ["trial_ending", "checkout_abandoned", "winback"] as const)
    await updateCampaign(t.core, cliActor, {
      botId,
      kind,
      enabled: true,
      texts: { en: `[${kind}] {first_name} {promo_code}`, ru: `[${kind}] ру {first_name}` },
      delay: kind === "trial_ending" ? 24 : kind === "checkout_abandoned" ? 2 : 7,
    });
});
afterAll(() => t.database.close());

describe("automated campaigns", () => {
  it("sends each due occasion once, in the user's language, even with two passes at once", async () => {
    const [a, b] = await Promise.all([
      runCampaigns(t.core, telegram, { wait: noWait }),
      runCampaigns(t.core, telegram, { wait: noWait }),
    ]);
    expect((a?.sent ?? 0) + (b?.sent ?? 0)).toBe(3);
    await runCampaigns(t.core, telegram, { wait: noWait });
    expect(sent).toHaveLength(3);
    const to = (name: string) => sent.filter((m) => m.chatId === tg[name]).map((m) => m.text);
    expect(to("Tara")).toEqual(["[trial_ending] Tara "]);
    expect(to("Oleg")).toEqual(["[checkout_abandoned] ру Oleg"]);
    const [winback] = to("Wanda");
    const code = winback?.match(/BACK[0-9A-F]{10}/)?.[0];
    expect(code).toBeTruthy();
    const [promo] = await t.core.db
      .select()
      .from(promos)
      .where(eq(promos.code, code ?? ""));
    expect(promo).toMatchObject({ kind: "percent_off", value: 20, maxUses: 1 });
    const view = await listCampaigns(t.core, botId);
    expect(view.find((c) => c.kind === "winback")).toMatchObject({ enabled: true, sent: 1 });
    expect(view.find((c) => c.kind === "newcomer")).toMatchObject({ enabled: false, sent: 0 });
  });

  it("writes to newcomers who have not bought once they have been around long enough, and can be turned off", async () => {
    await updateCampaign(t.core, cliActor, {
      botId,
      kind: "newcomer",
      enabled: true,
      texts: { en: "Welcome {first_name}" },
      delay: 24,
    });
    expect((await runCampaigns(t.core, telegram, { wait: noWait })).sent).toBe(0);
    t.clock.advance(25 * HOUR);
    const pass = await runCampaigns(t.core, telegram, { wait: noWait });
    // Tara and Oleg never paid; Wanda did.
    expect(pass.sent).toBe(2);
    expect(
      sent
        .filter((m) => m.text.startsWith("Welcome"))
        .map((m) => m.chatId)
        .sort(),
    ).toEqual([tg.Tara, tg.Oleg].sort());
    await updateCampaign(t.core, cliActor, {
      botId,
      kind: "newcomer",
      enabled: false,
      texts: { en: "Welcome {first_name}" },
      delay: 24,
    });
    await upsertTelegramUser(t.core, { telegramId: 91_004, firstName: "Late", botId });
    t.clock.advance(25 * HOUR);
    expect((await runCampaigns(t.core, telegram, { wait: noWait })).sent).toBe(0);
    const claims = await t.core.db.select().from(campaignSends);
    expect(new Set(claims.map((c) => `${c.kind}:${c.occasion}`)).size).toBe(claims.length);
  });

  it("refuses a campaign without its English text, naming the field", async () => {
    await expect(
      updateCampaign(t.core, cliActor, {
        botId,
        kind: "winback",
        enabled: true,
        texts: { ru: "Привет" },
        delay: 7,
      }),
    ).rejects.toMatchObject({ details: { field: "texts.en" } });
  });
});
