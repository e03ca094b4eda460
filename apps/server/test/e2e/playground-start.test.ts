import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callApi, createLumenHome, runLumenCli, startLumen } from "../support/lumen-process.ts";

/**
 * `npm start` on a fresh machine: no BOT_TOKEN and no bot saved, so Lumen runs the playground
 * (the Telegram emulator in-process, a demo bot, demo data loaded once); production refuses it.
 */
describe("playground mode at start", () => {
  let home: Awaited<ReturnType<typeof createLumenHome>>;
  let key: string;
  const env = () => ({ ...home.env, PLAYGROUND: "auto" });

  beforeAll(async () => {
    home = await createLumenHome();
    const created = await runLumenCli(home.env, [
      "api-key",
      "create",
      "--name",
      "playground",
      "--key-role",
      "owner",
    ]);
    expect(created.code, created.stderr).toBe(0);
    key = created.stdout.trim();
  }, 120_000);
  afterAll(async () => {
    await home.cleanup();
  });

  const snapshot = async (lumen: { url: string }) => {
    const products = await callApi(lumen, key, "GET", "/api/v1/products");
    const promos = await callApi(lumen, key, "GET", "/api/v1/promos");
    const partners = await callApi(lumen, key, "GET", "/api/v1/partners");
    const bots = await callApi(lumen, key, "GET", "/api/v1/bots");
    const channels = await callApi(lumen, key, "GET", "/api/v1/channels");
    return {
      products: (products.body.items ?? products.body).map((p: { title: string }) => p.title).sort(),
      promos: promos.body.items.map((p: { code: string }) => p.code),
      partners: partners.body.items.map((p: { first_name: string }) => p.first_name),
      bots: (bots.body.items ?? bots.body).map((b: { username: string; enabled: boolean }) => [
        b.username,
        b.enabled,
      ]),
      channels: (channels.body.items ?? channels.body).map((c: { title: string }) => c.title),
    };
  };

  it("starts the emulator with a demo bot and loads the demo data once across restarts", async () => {
    const first = await startLumen(env());
    let before: Awaited<ReturnType<typeof snapshot>>;
    try {
      await first.waitForLog((l) => l.msg === "playground demo data loaded");
      before = await snapshot(first);
      expect(before.products).toEqual(
        expect.arrayContaining([
          "100 AI credits",
          "500 AI credits",
          "Unlimited month",
          "Demo channel: 30 days",
        ]),
      );
      expect(before.promos).toEqual(["DEMO20"]);
      expect(before.partners).toEqual(["Pat"]);
      expect(before.bots).toEqual([["lumen_demo_bot", true]]);
      expect(before.channels).toEqual(["Lumen Demo Channel"]);
    } finally {
      expect(await first.stop()).toBe(0);
    }

    const second = await startLumen(env());
    try {
      await second.waitForLog((l) => l.msg === "bots running");
      expect(second.logs.some((l) => l.msg === "playground demo data loaded")).toBe(false);
      expect(await snapshot(second)).toEqual(before);
    } finally {
      expect(await second.stop()).toBe(0);
    }
  }, 300_000);

  it("is refused in production: PLAYGROUND=true stops the start, and auto never runs it", async () => {
    const refused = await runLumenCli({ ...home.env, NODE_ENV: "production", PLAYGROUND: "true" }, ["start"]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("PLAYGROUND: must not be enabled in production");

    const production = await startLumen({ ...home.env, NODE_ENV: "production", PLAYGROUND: "auto" });
    try {
      await production.waitForLog((l) => l.msg.startsWith("No bot is connected yet"));
      expect(production.logs.some((l) => /playground/i.test(l.msg))).toBe(false);
      // The demo bot saved by the development runs is switched off, never sent to the real Telegram.
      expect((await snapshot(production)).bots).toEqual([["lumen_demo_bot", false]]);
    } finally {
      expect(await production.stop()).toBe(0);
    }
  }, 300_000);
});
