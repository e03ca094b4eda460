import { randomBytes } from "node:crypto";
import { products } from "@lumen/db";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  cliActor,
  createOfflineChatModel,
  createSecretBox,
  demoCourseCode,
  demoCourseProductTitle,
  demoPromoCode,
  findCourseByCode,
  listLessons,
  listPartners,
  recordBotMembership,
  registerBot,
  seedDemoData,
} from "../src/index.ts";
import { listPromos } from "../src/promos/manage-promos.ts";
import { createTestCore } from "./support.ts";

const box = createSecretBox(randomBytes(32));
let t: Awaited<ReturnType<typeof createTestCore>>;
beforeAll(async () => {
  t = await createTestCore();
});
afterAll(async () => {
  await t.database.close();
});

describe("demo data (lumen demo, the playground)", () => {
  it("adds the catalog, a channel plan, a three-lesson course with its Stars tariff, a promo code and a partner once; a second run adds nothing", async () => {
    const bot = await registerBot(t.core, cliActor, box, {
      token: "7000000042:demo-token-demo-token-demo-token-abc",
      me: { id: 7_000_000_042, username: "lumen_demo_bot", firstName: "Lumen Demo" },
    });
    await recordBotMembership(t.core, {
      botId: bot.id,
      chat: { id: -1_002_100_000_042, title: "Demo", type: "channel" },
      status: "administrator",
      canInviteUsers: true,
      canRestrictMembers: true,
      changedAt: new Date(),
    });
    const first = await seedDemoData(t.core, cliActor, { channelChatId: -1_002_100_000_042 });
    expect(first.created).toEqual([
      "100 AI credits",
      "500 AI credits",
      "Unlimited month",
      "Prompt engineering cheat sheet",
      "Demo channel: 30 days",
      "course Prompting in three days",
      demoCourseProductTitle,
      `promo code ${demoPromoCode}`,
      "partner Pat",
    ]);
    const second = await seedDemoData(t.core, cliActor, { channelChatId: -1_002_100_000_042 });
    expect(second).toEqual({ created: [], partnerCode: first.partnerCode });
    expect((await listPromos(t.core)).filter((p) => p.code === demoPromoCode)).toHaveLength(1);
    const partners = await listPartners(
      t.core.db,
      { percent: 10, holdDays: 14 },
      { now: t.core.clock.now() },
    );
    const course = await findCourseByCode(t.core.db, demoCourseCode);
    expect(course?.status).toBe("published");
    expect((await listLessons(t.core.db, course?.id ?? "")).map((l) => l.position)).toEqual([1, 2, 3]);
    const [product] = await t.core.db
      .select()
      .from(products)
      .where(eq(products.title, demoCourseProductTitle));
    expect(product?.details).toEqual({ kind: "course", courseCode: demoCourseCode, tariff: "BASIC" });
    expect(partners.items.map((p) => [p.firstName, p.code])).toEqual([["Pat", first.partnerCode]]);
  });
});

describe("the offline chat model", () => {
  it("says it is offline, echoes the question and counts the conversation, streaming word by word", async () => {
    const model = createOfflineChatModel({ pauseMs: 0 });
    const deltas: string[] = [];
    const result = await model.complete(
      {
        model: "gpt-4o-mini",
        messages: [
          { role: "system", content: "You are helpful." },
          { role: "user", content: "hi" },
          { role: "assistant", content: "hello" },
          { role: "user", content: "What is Lumen?" },
        ],
      },
      { onDelta: (text) => deltas.push(text) },
    );
    expect(result.text).toContain("Offline demo model");
    expect(result.text).toContain('You wrote: "What is Lumen?"');
    expect(result.text).toContain("3 messages");
    expect(deltas.at(-1)).toBe(result.text);
    expect(deltas.length).toBe(result.text.split(/\s+/).length);
    expect(deltas.every((d, i) => i === 0 || d.startsWith(deltas[i - 1] ?? ""))).toBe(true);
    expect(result.completionTokens).toBeGreaterThan(0);
  });
});
