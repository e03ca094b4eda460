import { users } from "@lumen/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setUserLocale, upsertTelegramUser } from "../src/index.ts";
import { createTestCore } from "./support.ts";

let t: Awaited<ReturnType<typeof createTestCore>>;
beforeAll(async () => {
  t = await createTestCore();
});
afterAll(() => t.database.close());

describe("upsertTelegramUser", () => {
  it("keeps the first referral source and follows profile changes", async () => {
    const first = await upsertTelegramUser(t.core, {
      telegramId: 1001,
      firstName: "Ann",
      startPayload: "ref_partner1",
    });
    t.clock.advance(5000);
    const again = await upsertTelegramUser(t.core, {
      telegramId: 1001,
      firstName: "Anna",
      username: "anna",
      startPayload: "ref_partner2",
    });
    expect(again.id).toBe(first.id);
    expect(again).toMatchObject({ firstName: "Anna", username: "anna", referralSource: "ref_partner1" });
    expect(again.lastSeenAt.getTime() - again.firstSeenAt.getTime()).toBe(5000);
  });

  it("makes one row when the same new user arrives many times at once", async () => {
    const rows = await Promise.all(
      Array.from({ length: 20 }, () => upsertTelegramUser(t.core, { telegramId: 2002, firstName: "Bo" })),
    );
    expect(new Set(rows.map((r) => r.id)).size).toBe(1);
    const all = await t.core.db.select().from(users);
    expect(all.filter((u) => u.telegramId === 2002)).toHaveLength(1);
  });

  it("stores a chosen language and refuses one we do not speak", async () => {
    const user = await upsertTelegramUser(t.core, { telegramId: 3003, firstName: "Cy", languageCode: "en" });
    await setUserLocale(t.core, { userId: user.id, locale: "ru" });
    const after = await upsertTelegramUser(t.core, { telegramId: 3003, firstName: "Cy", languageCode: "en" });
    expect(after.locale).toBe("ru");
    await expect(setUserLocale(t.core, { userId: user.id, locale: "fr" })).rejects.toMatchObject({
      details: { field: "locale" },
    });
  });
});
