import { createCipheriv, hkdfSync, randomBytes, randomUUID } from "node:crypto";
import { bots } from "@lumen/db";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  cliActor,
  createSecretBox,
  loadRunnableBot,
  loadRunnableBots,
  registerBot,
  resealBotTokens,
} from "../src/index.ts";
import { botTokenContext } from "../src/shared/secret-box.ts";
import { createTestCore } from "./support.ts";

let t: Awaited<ReturnType<typeof createTestCore>>;
const oldBox = createSecretBox(randomBytes(32));
const tokenOf = (id: number) => `${id}:${randomBytes(27).toString("base64url")}`;

beforeAll(async () => {
  t = await createTestCore();
});
afterAll(() => t.database.close());

/** A token as it was stored before the bot id was bound (format v1, no associated data). */
function sealV1(master: Buffer, plain: string): string {
  const key = Buffer.from(hkdfSync("sha256", master, Buffer.alloc(0), "lumen:secret-box", 32));
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return [
    "v1",
    iv.toString("base64url"),
    cipher.getAuthTag().toString("base64url"),
    body.toString("base64url"),
  ].join(".");
}

async function addBot(box: ReturnType<typeof createSecretBox>, telegramId: number) {
  const token = tokenOf(telegramId);
  const saved = await registerBot(t.core, cliActor, box, {
    token,
    me: { id: telegramId, username: `bot${telegramId}`, firstName: "B" },
  });
  return { id: saved.id, token };
}

describe("bot token keys", () => {
  it("binds a token to its bot: a ciphertext copied onto another bot does not open", async () => {
    const a = await addBot(oldBox, 501);
    const b = await addBot(oldBox, 502);
    const [rowA] = await t.core.db.select().from(bots).where(eq(bots.id, a.id));
    await t.core.db
      .update(bots)
      .set({ tokenEncrypted: rowA?.tokenEncrypted ?? "" })
      .where(eq(bots.id, b.id));
    await expect(loadRunnableBot(t.core, oldBox, b.id)).rejects.toMatchObject({ code: "CONFLICT" });
    expect((await loadRunnableBot(t.core, oldBox, a.id)).token).toBe(a.token);
    // Skipped and reported at start, while the others still load.
    const loaded = await loadRunnableBots(t.core, oldBox);
    expect(loaded.unreadable.map((u) => u.id)).toEqual([b.id]);
    expect(loaded.bots.map((r) => r.id)).toContain(a.id);
    await t.core.db.delete(bots).where(eq(bots.id, b.id));
  });

  it("reseals tokens stored before ids were bound, once", async () => {
    const master = randomBytes(32);
    const box = createSecretBox(master);
    const token = tokenOf(601);
    const id = randomUUID();
    await t.core.db.insert(bots).values({
      id,
      telegramId: 601,
      username: "legacy_bot",
      name: "Legacy",
      tokenEncrypted: sealV1(master, token),
      webhookSecret: "s".repeat(32),
    });
    const first = await resealBotTokens(t.core, cliActor, { from: box, to: box });
    expect(first.resealed).toBeGreaterThanOrEqual(1);
    const [row] = await t.core.db.select().from(bots).where(eq(bots.id, id));
    expect(row?.tokenEncrypted.startsWith("v2.")).toBe(true);
    expect(box.decrypt(row?.tokenEncrypted ?? "", botTokenContext(id))).toBe(token);
    expect((await resealBotTokens(t.core, cliActor, { from: box, to: box })).resealed).toBe(0);
    await t.core.db.delete(bots).where(eq(bots.id, id));
  });

  it("rotates every token to a new key in one transaction", async () => {
    const newBox = createSecretBox(randomBytes(32));
    const { resealed } = await resealBotTokens(t.core, cliActor, { from: oldBox, to: newBox });
    expect(resealed).toBeGreaterThanOrEqual(1);
    const loaded = await loadRunnableBots(t.core, newBox);
    expect(loaded.unreadable).toEqual([]);
    expect((await loadRunnableBots(t.core, oldBox)).bots).toEqual([]);
    // Back again, so the next test starts from the old key.
    await resealBotTokens(t.core, cliActor, { from: newBox, to: oldBox });
  });

  it("changes nothing when one token does not open with the old key", async () => {
    const stranger = createSecretBox(randomBytes(32));
    const bad = await addBot(stranger, 701);
    const before = await t.core.db.select().from(bots);
    await expect(
      resealBotTokens(t.core, cliActor, { from: oldBox, to: createSecretBox(randomBytes(32)) }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await t.core.db.select().from(bots)).toEqual(before);
    await t.core.db.delete(bots).where(eq(bots.id, bad.id));
  });

  it("is for owners only", async () => {
    await expect(
      resealBotTokens(t.core, { type: "admin", id: null, role: "admin" }, { from: oldBox, to: oldBox }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
