import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  buttonsOf,
  callbackDataOf,
  say,
  sentMessage,
  textOf,
} from "../../server/test/support/bot-journey.ts";
import {
  closePanel,
  hasChromium,
  noChromiumReason,
  openSignedInPanel,
  type Panel,
  screenshot,
  type TestBrowser,
} from "./support/panel.ts";

/**
 * Subscriptions, promo codes and partner payouts against the real server and the Telegram
 * emulator. Plans come from free-days codes redeemed in the bot (so the codes have uses too), and
 * a partner's commission from a Stars purchase by the user they brought, with a 10% code.
 */
let panel: Panel;
let browser: TestBrowser;
let page: Page;
const email = "subs@example.com";
const password = "a long subscriptions password";
const DAY = 86_400_000;
const people: Record<string, { id: number }> = {};
/** The machine is shared and slow at times: a page may take a few seconds to show a change. */
const eventually = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 15_000 });

type Sub = { id: string; ends_at: string; status: string; user: { first_name: string } };
const subscriptionOf = async (name: string): Promise<Sub> => {
  const list = await panel.api("GET", "/api/v1/subscriptions?limit=200");
  const found = (list.body.items as Sub[]).find((s) => s.user.first_name === name);
  if (!found) throw new Error(`no plan for ${name}`);
  return found;
};

async function seed() {
  const { tg, bot } = panel;
  const plan = await panel.api("POST", "/api/v1/products", {
    title: "Club",
    details: { kind: "plan", plan_code: "club", period_days: 30 },
    prices: [{ currency: "XTR", amount: 300 }],
  });
  expect(plan.status).toBe(201);
  const pack = await panel.api("POST", "/api/v1/products", {
    title: "Pack",
    details: { kind: "credits", credits: 100 },
    prices: [{ currency: "XTR", amount: 100 }],
  });
  expect(pack.status).toBe(201);
  for (const [code, value] of [
    ["TRY3", 3],
    ["TRY30", 30],
  ] as const) {
    const made = await panel.api("POST", "/api/v1/promos", {
      code,
      kind: "free_days",
      value,
      product_ids: [plan.body.id],
    });
    expect(made.status).toBe(201);
  }
  expect(
    (await panel.api("POST", "/api/v1/promos", { code: "SAVE10", kind: "percent_off", value: 10 })).status,
  ).toBe(201);

  for (const [name, code] of [
    ["Ana", "TRY3"],
    ["Boris", "TRY30"],
    ["Vera", "TRY30"],
  ] as const) {
    people[name] = tg.createUser({ firstName: name, languageCode: "en" });
    await say(tg, bot, people[name], "/start");
    expect(textOf(await say(tg, bot, people[name], `/promo ${code}`))).toContain("is yours for free");
  }

  const partner = tg.createUser({ firstName: "Pavel", languageCode: "en" });
  await say(tg, bot, partner, "/start");
  const link = textOf(await say(tg, bot, partner, "/partner")).match(/start=(ref_\S+)/)?.[1];
  expect(link).toBeTruthy();
  const buyer = tg.createUser({ firstName: "Gleb", languageCode: "en" });
  await say(tg, bot, buyer, `/start ${link}`);
  expect(textOf(await say(tg, bot, buyer, "/promo SAVE10"))).toContain("SAVE10");
  const catalog = await say(tg, bot, buyer, "/buy");
  const label = buttonsOf(catalog)
    .flat()
    .find((b) => b.startsWith("Pack"));
  if (!label) throw new Error(`no Pack button in ${JSON.stringify(buttonsOf(catalog))}`);
  const after = tg.calls.length;
  await tg.pressButton(bot, buyer, sentMessage(catalog), callbackDataOf(catalog, label));
  const invoice = await tg.waitForCall("sendInvoice", (p) => p.chat_id === buyer.id, { after });
  expect(invoice.params.prices).toEqual([expect.objectContaining({ amount: 90 })]);
  expect((await tg.payInvoice(bot, buyer, sentMessage(invoice))).ok).toBe(true);
  await tg.waitForCall("sendMessage", (p) => p.chat_id === buyer.id && String(p.text).startsWith("✅"), {
    timeoutMs: 15_000,
  });
}

describe.skipIf(!hasChromium)("subscriptions, promo codes and partner payouts", () => {
  beforeAll(async () => {
    ({ panel, browser, page } = await openSignedInPanel({
      email,
      password,
      path: "/admin/subscriptions",
      server: { apiKey: true, env: { REFERRAL_HOLD_DAYS: "0", REFERRAL_PERCENT: "10" } },
      prepare: async (started) => {
        panel = started;
        await seed();
      },
    }));
  }, 400_000);
  afterAll(() => closePanel({ panel, browser }));

  it("filters plans by tab in the URL, extends one by days and ends another", async () => {
    const rows = page.getByRole("table", { name: "Subscriptions" }).locator("tbody tr");
    await page.getByRole("link", { name: "Vera" }).waitFor();
    await eventually(() => rows.count()).toBe(3);
    await screenshot(page, "subscriptions");

    await page.getByRole("tab", { name: "Ending soon" }).click();
    await page.waitForURL(/state=ending/);
    await eventually(() => rows.count()).toBe(1);
    expect(await rows.first().textContent()).toContain("Ana");

    const ana = await subscriptionOf("Ana");
    await page.getByRole("button", { name: /Actions for Ana/ }).click();
    await page.getByRole("menuitem", { name: "Extend" }).click();
    const extend = page.getByRole("dialog");
    await extend.getByLabel("Days").fill("10");
    await extend.getByRole("button", { name: "Extend" }).click();
    await eventually(() => extend.locator("[data-field-error]").count()).toBe(1);
    await extend.getByLabel("Reason").fill("Apology for downtime");
    await screenshot(page, "subscriptions-extend-dialog");
    await extend.getByRole("button", { name: "Extend" }).click();
    await page.getByText(/^Extended to /).waitFor();
    // No longer ending within the week, so the tab empties; the API has the new end.
    await eventually(() => page.getByText("Nothing matches these filters.").isVisible()).toBe(true);
    const extended = await subscriptionOf("Ana");
    expect(Date.parse(extended.ends_at) - Date.parse(ana.ends_at)).toBe(10 * DAY);

    await page.getByRole("tab", { name: "Active" }).click();
    await page.waitForURL(/state=active/);
    await eventually(() => rows.count()).toBe(3);
    await page.getByRole("button", { name: /Actions for Vera/ }).click();
    await page.getByRole("menuitem", { name: "End plan" }).click();
    const end = page.getByRole("dialog");
    await end.getByText("This cannot be undone").waitFor();
    await end.getByLabel("Reason").fill("Asked to leave");
    await end.getByRole("button", { name: "End plan" }).click();
    await page.getByText("Plan ended").waitFor();
    await eventually(() => rows.count()).toBe(2);
    expect((await subscriptionOf("Vera")).status).toBe("cancelled");

    await page.getByRole("tab", { name: "Expired" }).click();
    await page.waitForURL(/state=expired/);
    await eventually(() => rows.count()).toBe(1);
    expect(await rows.first().textContent()).toContain("Vera");
    // The user's name opens the user's page.
    await rows.first().getByRole("link", { name: "Vera" }).click();
    await page.waitForURL(/\/admin\/users\/[0-9a-f-]{36}$/);
    // ...and the user's page leads back to that user's plans, filtered in the URL.
    await page.getByRole("link", { name: "Extend or end" }).click();
    await page.waitForURL(/\/admin\/subscriptions\?user_id=/);
    await page.getByRole("button", { name: "Show every user" }).waitFor();
    expect(await page.getByRole("button", { name: "Show every user" }).textContent()).toBe("User: Vera");
    await eventually(() => rows.count()).toBe(1);

    await page.setViewportSize({ width: 375, height: 800 });
    await page.goto(`${panel.url}/admin/subscriptions?state=active`);
    await eventually(() => rows.count()).toBe(2);
    await screenshot(page, "subscriptions-375");
    // The operator's language is remembered: the same page in Russian.
    await page.evaluate(() => localStorage.setItem("lumen.locale", "ru"));
    await page.reload();
    await page.getByRole("tab", { name: "Кончаются" }).waitFor();
    await screenshot(page, "subscriptions-ru-375");
    await page.evaluate(() => localStorage.setItem("lumen.locale", "en"));
    await page.reload();
    await page.getByRole("tab", { name: "Ending soon" }).waitFor();
    await page.setViewportSize({ width: 1280, height: 800 });
  }, 120_000);

  it("edits a promo code's limit, and its page lists who used it and the revenue", async () => {
    await page.goto(`${panel.url}/admin/promos`);
    await page.getByTestId("promo-uses-TRY30").waitFor();
    await eventually(() => page.getByTestId("promo-uses-TRY30").textContent()).toBe("2");
    await page.getByRole("button", { name: "Actions for TRY30" }).click();
    await page.getByRole("menuitem", { name: "Edit" }).click();
    const dialog = page.getByRole("dialog");
    expect(await dialog.getByLabel("Code", { exact: true }).inputValue()).toBe("TRY30");
    await dialog.getByLabel("Limit of uses").fill("1");
    await dialog.getByRole("button", { name: "Save" }).click();
    // A limit under the uses already counted is refused, next to the field.
    await eventually(() => dialog.locator("[data-field-error]").textContent()).toContain("already used 2");
    await dialog.getByLabel("Limit of uses").fill("5");
    await screenshot(page, "promo-edit-dialog");
    await dialog.getByRole("button", { name: "Save" }).click();
    await page.getByText("Promo code TRY30 saved").waitFor();
    await eventually(() => page.getByTestId("promo-uses-TRY30").textContent()).toBe("2 of 5");
    await page.setViewportSize({ width: 375, height: 800 });
    await screenshot(page, "promos-375");
    await page.setViewportSize({ width: 1280, height: 800 });

    await page.getByRole("link", { name: "TRY30" }).click();
    await page.waitForURL(/\/admin\/promos\/[0-9a-f-]{36}/);
    const uses = page.getByRole("table", { name: "Uses" }).locator("tbody tr");
    await eventually(() => uses.count()).toBe(2);
    expect(await page.getByRole("table", { name: "Uses" }).textContent()).toMatch(/Vera[\s\S]*Boris/);
    expect(await uses.first().textContent()).toContain("No purchase (free days)");
    await screenshot(page, "promo-try30");

    await page.goto(`${panel.url}/admin/promos?q=SAVE10`);
    await page.getByRole("link", { name: "SAVE10" }).click();
    await eventually(() => page.getByTestId("promo-detail-revenue").textContent()).toBe("90 Stars");
    expect(await page.getByTestId("promo-detail-orders").textContent()).toBe("1");
    const order = page.getByRole("table", { name: "Uses" }).locator("tbody tr").first();
    expect(await order.textContent()).toMatch(/Gleb.*paid.*90 Stars.*100 Stars/);
    await screenshot(page, "promo-save10");
    await page.setViewportSize({ width: 375, height: 800 });
    await screenshot(page, "promo-save10-375");
    await page.setViewportSize({ width: 1280, height: 800 });
  }, 120_000);

  it("records a payout to a partner, and the commission due drops to what is left", async () => {
    await page.goto(`${panel.url}/admin/partners`);
    const row = page.getByRole("row", { name: /Pavel/ });
    await row.waitFor();
    await eventually(() => row.textContent()).toContain("9 Stars");
    await row.getByRole("button", { name: "Record a payout to Pavel" }).click();
    const dialog = page.getByRole("dialog");
    expect(await dialog.getByTestId("payout-figures").textContent()).toMatch(/Stars0 Stars9 Stars/);
    expect(await dialog.getByLabel("Amount, Stars").inputValue()).toBe("9");
    await dialog.getByLabel("Amount, Stars").fill("10");
    await dialog.getByRole("button", { name: "Record payout" }).click();
    await eventually(() => dialog.locator("[data-field-error]").textContent()).toBe("Only 9 Stars is due");
    await dialog.getByLabel("Amount, Stars").fill("6");
    await dialog.getByLabel("Note").fill("Bank transfer #42");
    await screenshot(page, "partner-payout-dialog");
    await dialog.getByRole("button", { name: "Record payout" }).click();
    await page.getByText("Payout of 6 Stars recorded; 3 Stars still due").waitFor();
    await eventually(() => row.textContent()).toContain("3 Stars");

    const partners = await panel.api("GET", "/api/v1/partners");
    const pavel = partners.body.items.find((p: { first_name: string }) => p.first_name === "Pavel");
    expect(pavel.money).toEqual([expect.objectContaining({ currency: "XTR", paid_out: 6, due: 3 })]);
    await page.setViewportSize({ width: 375, height: 800 });
    await screenshot(page, "partners-375");
    await page.setViewportSize({ width: 1280, height: 800 });
  }, 120_000);
});

if (!hasChromium) console.warn(noChromiumReason);
