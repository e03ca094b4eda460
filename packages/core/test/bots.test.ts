import { randomBytes } from "node:crypto";
import { bots } from "@lumen/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cliActor, createSecretBox, listBots, loadRunnableBots, registerBot } from "../src/index.ts";
import { createTestCore } from "./support.ts";

let t: Awaited<ReturnType<typeof createTestCore>>;
const box = createSecretBox(randomBytes(32));
const token = (id: number, secret = "A".repeat(35)) => `${id}:${secret}`;

beforeAll(async () => {
  t = await createTestCore();
});
afterAll(() => t.database.close());

describe("bots", () => {
  it("stores the token encrypted and gives it back only to the runtime", async () => {
    const saved = await registerBot(t.core, cliActor, box, {
      token: token(42),
      me: { id: 42, username: "shop_bot", firstName: "Shop" },
    });
    expect(saved).toMatchObject({
      created: true,
      username: "shop_bot",
      features: ["assistant", "courses"],
      enabled: true,
    });
    expect(JSON.stringify(saved)).not.toContain(token(42));
    const [row] = await t.core.db.select().from(bots);
    expect(row?.tokenEncrypted).not.toContain("AAAA");
    expect((await loadRunnableBots(t.core, box)).bots[0]?.token).toBe(token(42));
    expect(JSON.stringify(await listBots(t.core))).not.toContain("token");
  });

  it("keeps the webhook secret when the same token is registered again", async () => {
    const [before] = await t.core.db.select().from(bots);
    await registerBot(t.core, cliActor, box, {
      token: token(42),
      me: { id: 42, username: "shop_bot", firstName: "Shop" },
    });
    const [after] = await t.core.db.select().from(bots);
    expect(after?.webhookSecret).toBe(before?.webhookSecret);
  });

  it("updates the token of a bot it already knows, keeping its id and rotating its webhook secret", async () => {
    const [before] = await t.core.db.select().from(bots);
    const again = await registerBot(t.core, cliActor, box, {
      token: token(42, "B".repeat(35)),
      me: { id: 42, username: "shop_bot", firstName: "Shop 2" },
    });
    expect(again).toMatchObject({ created: false, id: before?.id, name: "Shop 2" });
    const [after] = await t.core.db.select().from(bots);
    expect(after?.webhookSecret).not.toBe(before?.webhookSecret);
    expect((await loadRunnableBots(t.core, box)).bots[0]?.token).toBe(token(42, "B".repeat(35)));
  });

  it("refuses a token that belongs to another bot, or is not a token", async () => {
    await expect(
      registerBot(t.core, cliActor, box, {
        token: token(7),
        me: { id: 8, username: "x_bot", firstName: "X" },
      }),
    ).rejects.toMatchObject({ code: "VALIDATION_FAILED", details: { field: "token" } });
    await expect(
      registerBot(t.core, cliActor, box, { token: "nope", me: { id: 8, username: "x_bot", firstName: "X" } }),
    ).rejects.toMatchObject({ details: { field: "token" } });
  });

  it("lets only owners add bots", async () => {
    await expect(
      registerBot(t.core, { type: "admin", id: null, role: "admin" }, box, {
        token: token(9),
        me: { id: 9, username: "y_bot", firstName: "Y" },
      }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
