import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callbackDataOf, say, sentMessage } from "../../server/test/support/bot-journey.ts";
import {
  closePanel,
  hasChromium,
  openSignedInPanel,
  type Panel,
  screenshot,
  type TestBrowser,
} from "./support/panel.ts";

/**
 * The Analytics section against the real server: people start the bot through the emulator (one
 * by a partner-style link, one taking a trial), and the page shows them in the funnel, the cohort
 * of this week, the trial conversion and the sources, with CSV links for the owner.
 */
let panel: Panel;
let browser: TestBrowser;
let page: Page;
const email = "analytics@example.com";
const password = "a long analytics password";
const eventually = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 15_000 });

describe.skipIf(!hasChromium)("analytics section", () => {
  beforeAll(async () => {
    ({ panel, browser, page } = await openSignedInPanel({
      email,
      password,
      path: "/admin/analytics",
      prepare: async ({ tg, bot }) => {
        const ann = tg.createUser({ firstName: "Ann", languageCode: "en" });
        await say(tg, bot, ann, "/start ref_friend");
        const ben = tg.createUser({ firstName: "Ben", languageCode: "en" });
        const menu = await say(tg, bot, ben, "/start");
        const after = tg.calls.length;
        await tg.pressButton(bot, ben, sentMessage(menu), callbackDataOf(menu, "🎁 Try for free"));
        await tg.waitForCall("editMessageText", (p) => p.chat_id === ben.id, { after });
      },
    }));
  }, 400_000);
  afterAll(() => closePanel({ panel, browser }));

  it("shows the funnel, this week's cohort, trial conversion and sources", async () => {
    // Events are written in batches about a second after the replies: reload until they are in.
    await eventually(async () => {
      await page.reload();
      const started = page.getByRole("list", { name: "Funnel" }).getByRole("listitem").first();
      await started.waitFor();
      return started.textContent();
    }).toContain("Started the bot2");
    const sources = page.getByRole("table", { name: "Sources" });
    await eventually(() => sources.textContent()).toContain("ref_friend");
    expect(await sources.textContent()).toContain("Partner");
    expect(await sources.textContent()).toContain("(no link)");
    await eventually(() => page.getByText("0 of 1 trials paid").count()).toBe(1);
    const cohorts = page.getByRole("table", { name: "Weekly cohorts" });
    expect(await cohorts.locator("tbody tr").count()).toBe(1);
    expect(await cohorts.locator("tbody tr td").nth(1).textContent()).toBe("2");
    expect(await page.getByRole("link", { name: "CSV" }).count()).toBe(3);
    await screenshot(page, "analytics");

    await page.getByRole("button", { name: "7 days" }).click();
    await eventually(() => page.url()).toContain("period=");
    await eventually(() => page.getByRole("button", { name: "7 days" }).getAttribute("aria-pressed")).toBe(
      "true",
    );
  });
});
