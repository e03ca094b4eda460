import { createFakeYooKassa, type FakeYooKassa } from "@lumen/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLumenHome, type LumenProcess, runLumenCli, startLumen } from "../support/lumen-process.ts";

let yk: FakeYooKassa;
let home: Awaited<ReturnType<typeof createLumenHome>>;
let env: Record<string, string>;
let lumen: LumenProcess | undefined;
let key: string;

beforeAll(async () => {
  yk = await createFakeYooKassa({ shopId: "100500", secretKey: "crash_secret" });
  home = await createLumenHome();
  env = {
    ...home.env,
    YOOKASSA_SHOP_ID: "100500",
    YOOKASSA_SECRET_KEY: "crash_secret",
    YOOKASSA_API_URL: yk.baseUrl,
    // Everything runs on 127.0.0.1 here; the allowlist itself is tested against real ranges elsewhere.
    YOOKASSA_ALLOWED_IPS: "*",
  };
  key = (
    await runLumenCli(env, ["api-key", "create", "--name", "crash", "--key-role", "admin"])
  ).stdout.trim();
});
afterAll(async () => {
  await lumen?.stop();
  await yk?.close();
  await home?.cleanup();
});

const api = (path: string, method = "GET", body?: unknown) =>
  fetch(`${lumen?.url}${path}`, {
    method,
    headers: { "x-auth-key": key, ...(body ? { "content-type": "application/json" } : {}) },
    ...(body ? { body: JSON.stringify(body) } : {}),
  }).then((r) => r.json());

describe("crash safety of a YooKassa payment", () => {
  it("a server killed after YooKassa took the money settles it once after restart", async () => {
    lumen = await startLumen(env);
    const product = await api("/api/v1/products", "POST", {
      title: "Pack",
      details: { kind: "credits", credits: 42 },
      prices: [{ currency: "RUB", amount: 4200 }],
    });
    const user = await api("/api/v1/users", "POST", { telegram_id: 777_001, first_name: "Kay" });
    const created = await api("/api/v1/orders", "POST", {
      user_id: user.id,
      product_id: product.id,
      currency: "RUB",
      provider: "yookassa",
    });
    expect(created.confirmation_url).toContain("/checkout/");
    const paymentId = yk.payments.at(-1)?.id as string;

    yk.succeed(paymentId);
    expect(await lumen.stop("SIGKILL")).toBeNull();

    lumen = await startLumen(env);
    const hook = `${lumen.url}/api/v1/payments/yookassa/webhook`;
    const [first, second] = await Promise.all([
      yk.sendWebhook(hook, "payment.succeeded", paymentId),
      yk.sendWebhook(hook, "payment.succeeded", paymentId),
    ]);
    expect([first.status, second.status]).toEqual([200, 200]);
    expect((await yk.sendWebhook(hook, "payment.succeeded", paymentId)).status).toBe(200);

    expect((await api(`/api/v1/orders/${created.order.id}`)).status).toBe("paid");
    expect((await api(`/api/v1/users/${user.id}/credits`)).balance).toBe(42);
    const orders = await api(`/api/v1/orders?user_id=${user.id}`);
    expect(orders.items.map((o: { status: string }) => o.status)).toEqual(["paid"]);
  });
});
