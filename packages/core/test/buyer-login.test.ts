import { randomBytes, randomUUID } from "node:crypto";
import { bots, buyerSessions } from "@lumen/db";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  decideBuyerLogin,
  pollBuyerLogin,
  resolveBuyerSession,
  startBuyerLogin,
  upsertTelegramUser,
} from "../src/index.ts";
import { createTestCore } from "./support.ts";

/** The sign-in code is answered once and exchanged once, however many requests race for it. */
let t: Awaited<ReturnType<typeof createTestCore>>;
const botId = randomUUID();
const key = randomBytes(32);

beforeAll(async () => {
  t = await createTestCore();
  await t.core.db.insert(bots).values({
    id: botId,
    telegramId: 77_001,
    username: "race_bot",
    name: "Race",
    tokenEncrypted: "x",
    webhookSecret: "s",
  });
});
afterAll(async () => {
  await t?.database.close();
});

async function buyer(telegramId: number) {
  return upsertTelegramUser(t.core, { telegramId, firstName: `U${telegramId}`, botId });
}

describe("buyer sign-in codes under concurrency", () => {
  it("two answers at once: exactly one decides, the other is refused", async () => {
    const browserKey = randomBytes(32).toString("base64url");
    const { code } = await startBuyerLogin(t.core, { botId, browserKey });
    const user = await buyer(501);
    const answers = await Promise.allSettled([
      decideBuyerLogin(t.core, { code, botId, userId: user.id, approve: true }),
      decideBuyerLogin(t.core, { code, botId, userId: user.id, approve: false }),
    ]);
    expect(answers.filter((a) => a.status === "fulfilled")).toHaveLength(1);
    expect(answers.filter((a) => a.status === "rejected")).toHaveLength(1);
  });

  it("five polls of a confirmed code at once open exactly one session, and it resolves to the buyer", async () => {
    const browserKey = randomBytes(32).toString("base64url");
    const { code } = await startBuyerLogin(t.core, { botId, browserKey });
    const user = await buyer(502);
    await decideBuyerLogin(t.core, { code, botId, userId: user.id, approve: true });
    const polls = await Promise.allSettled(
      Array.from({ length: 5 }, () => pollBuyerLogin(t.core, key, { code, browserKey })),
    );
    const won = polls.flatMap((p) =>
      p.status === "fulfilled" && p.value.status === "confirmed" ? [p.value] : [],
    );
    expect(won).toHaveLength(1);
    const sessions = await t.core.db.select().from(buyerSessions).where(eq(buyerSessions.userId, user.id));
    expect(sessions).toHaveLength(1);
    const principal = await resolveBuyerSession(t.core, key, {
      accessToken: won[0]?.accessToken ?? "",
      botId,
    });
    expect(principal.user.id).toBe(user.id);
    await expect(
      resolveBuyerSession(t.core, key, { accessToken: won[0]?.accessToken ?? "", botId: randomUUID() }),
    ).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
  });

  it("an access token ends with its fifteen minutes, on core's clock", async () => {
    const browserKey = randomBytes(32).toString("base64url");
    const { code } = await startBuyerLogin(t.core, { botId, browserKey });
    const user = await buyer(503);
    await decideBuyerLogin(t.core, { code, botId, userId: user.id, approve: true });
    const polled = await pollBuyerLogin(t.core, key, { code, browserKey });
    if (polled.status !== "confirmed") throw new Error("not confirmed");
    t.clock.advance(16 * 60_000);
    await expect(
      resolveBuyerSession(t.core, key, { accessToken: polled.accessToken, botId }),
    ).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
  });
});
