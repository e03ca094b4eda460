import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callbackDataOf, say, sentMessage, textOf } from "../../server/test/support/bot-journey.ts";
import {
  closePanel,
  hasChromium,
  noChromiumReason,
  openSignedInPanel,
  type Panel,
  screenshot,
  signIn,
  type TestBrowser,
} from "./support/panel.ts";

if (!hasChromium) console.warn(noChromiumReason);

/**
 * The courses pages in a browser against the real server: an operator makes a course with three
 * lessons (added, previewed, reordered); a student buys the FEEDBACK tariff in the bot and sends
 * homework, and a reviewer (signed in with the desk role, landing on the queue) takes it and
 * sends feedback, which the student gets from the bot.
 */
let panel: Panel;
let browser: TestBrowser;
let page: Page;
const email = "courses-owner@example.com";
const password = "a long courses password";
let reviewerPassword = "";
const eventually = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 30_000 });

describe.skipIf(!hasChromium)("the courses pages", () => {
  beforeAll(async () => {
    ({ panel, browser, page } = await openSignedInPanel({
      email,
      password,
      path: "/admin/courses",
      server: { apiKey: true, env: { LUMEN_TEST_CONTROLS: "true" } },
    }));
  }, 600_000);
  afterAll(() => closePanel({ panel, browser }));

  it("creates a course with three lessons, previews one and reorders them", async () => {
    try {
      await page.getByRole("button", { name: "New course" }).click();
      const create = page.getByRole("dialog");
      await create.getByLabel("Title").fill("Watercolour basics");
      await create.getByLabel("Code").fill("watercolour");
      await create.getByRole("button", { name: "Create" }).click();
      await page.waitForURL(/\/admin\/courses\/[0-9a-f-]{36}/);
      await eventually(() => page.getByRole("heading", { name: "Watercolour basics" }).count()).toBe(1);

      const lessons = [
        { title: "Brushes", text: "Hold the brush <b>lightly</b>." },
        { title: "Colours", text: "Mix three colours.", homework: "Send a photo of your palette" },
        { title: "Paper", text: "Wet the paper first.", quiz: "Which paper for washes?" },
      ];
      for (const lesson of lessons) {
        await page.getByRole("button", { name: "Add lesson" }).click();
        const dialog = page.getByRole("dialog");
        await dialog.getByLabel("Title").fill(lesson.title);
        await dialog.getByLabel("Text", { exact: true }).fill(lesson.text);
        if (lesson.homework) await dialog.getByLabel("Homework prompt").fill(lesson.homework);
        if (lesson.quiz) {
          await dialog.getByLabel("Quiz question").fill(lesson.quiz);
          await dialog.getByLabel("Quiz options, one a line").fill("Hot press\nCold press");
          await dialog.getByLabel("Right option (1 = first)").fill("2");
          expect(await dialog.getByTestId("lesson-preview").textContent()).toContain("Cold press");
        }
        expect(await dialog.getByTestId("lesson-preview").textContent()).toContain(lesson.title);
        if (lesson.homework) await screenshot(page, "courses-lesson-dialog");
        await dialog.getByRole("button", { name: "Add", exact: true }).click();
        await eventually(() => page.getByRole("dialog").count()).toBe(0);
      }
      const rows = page.getByTestId("lesson-row");
      await eventually(() => rows.count()).toBe(3);
      await rows.nth(0).getByRole("button", { name: "Brushes", exact: true }).click();
      const preview = rows.nth(0).getByTestId("lesson-preview");
      expect(await preview.locator("b").textContent()).toBe("lightly");

      await page.getByRole("button", { name: "Move Paper up" }).click();
      await eventually(async () =>
        (await rows.allTextContents()).map((r) => r.match(/Brushes|Colours|Paper/)?.[0]),
      ).toEqual(["Brushes", "Paper", "Colours"]);
      await rows.nth(2).dragTo(rows.nth(0));
      await eventually(async () =>
        (await rows.allTextContents()).map((r) => r.match(/Brushes|Colours|Paper/)?.[0]),
      ).toEqual(["Colours", "Brushes", "Paper"]);
      await rows.nth(0).dragTo(rows.nth(2));
      await eventually(async () =>
        (await rows.allTextContents()).map((r) => r.match(/Brushes|Colours|Paper/)?.[0]),
      ).toEqual(["Brushes", "Paper", "Colours"]);
      const course = (await panel.api("GET", "/api/v1/courses")).body.items[0];
      const saved = await panel.api("GET", `/api/v1/courses/${course.id}/lessons`);
      expect(saved.body.items.map((l: { title: string; position: number }) => [l.position, l.title])).toEqual(
        [
          [1, "Brushes"],
          [2, "Paper"],
          [3, "Colours"],
        ],
      );
      expect(saved.body.items[2].homework_prompt).toBe("Send a photo of your palette");
      expect(saved.body.items[1].quiz).toEqual({
        question: "Which paper for washes?",
        options: ["Hot press", "Cold press"],
        answer: 1,
      });
      await screenshot(page, "courses-course-page");
      await page.evaluate(() => localStorage.setItem("lumen.locale", "ru"));
      await page.reload();
      await eventually(() => page.getByRole("button", { name: "Добавить урок" }).count()).toBe(1);
      await screenshot(page, "courses-course-page-ru");
      await page.evaluate(() => localStorage.setItem("lumen.locale", "en"));
    } catch (error) {
      await screenshot(page, "courses-failure");
      throw error;
    }
  });

  it("lets a reviewer take homework from the queue and sends the feedback to the student", async () => {
    const { tg, bot } = panel;
    const created = await panel.api("POST", "/api/v1/courses", {
      code: "sketching",
      title: "Sketching",
      status: "published",
    });
    expect(created.status).toBe(201);
    const courseId = created.body.id as string;
    const lesson = await panel.api("POST", `/api/v1/courses/${courseId}/lessons`, {
      title: "Lines",
      text: "Draw ten lines.",
      homework_prompt: "Describe your lines",
      homework_required: true,
    });
    expect(lesson.status).toBe(201);
    const product = await panel.api("POST", "/api/v1/products", {
      title: "Sketching — FEEDBACK",
      details: { kind: "course", course_code: "sketching", tariff: "FEEDBACK" },
      prices: [{ currency: "XTR", amount: 300 }],
    });
    expect(product.status).toBe(201);
    const reviewer = await panel.api("POST", "/api/v1/operators", {
      email: "rita@example.com",
      role: "reviewer",
    });
    expect(reviewer.status).toBe(201);
    reviewerPassword = reviewer.body.temporary_password;

    const cy = tg.createUser({ firstName: "Cy", languageCode: "en" });
    await say(tg, bot, cy, "/start");
    const catalog = await say(tg, bot, cy, "/buy");
    let after = tg.calls.length;
    await tg.pressButton(
      bot,
      cy,
      sentMessage(catalog),
      callbackDataOf(catalog, "Sketching — FEEDBACK — 300 ⭐"),
    );
    const invoice = await tg.waitForCall("sendInvoice", (p) => p.chat_id === cy.id, { after });
    expect((await tg.payInvoice(bot, cy, sentMessage(invoice))).ok).toBe(true);
    await eventually(
      async () => (await panel.api("GET", "/api/v1/enrollments?course_code=sketching")).body.items.length,
    ).toBe(1);

    await page.goto(`${panel.url}/admin/courses/${courseId}`);
    const students = page.getByRole("table", { name: "Students" });
    await eventually(() => students.getByRole("row").count()).toBe(2);
    expect(await students.textContent()).toContain("Cy");
    expect(await students.getByRole("progressbar").getAttribute("aria-valuemax")).toBe("1");

    after = tg.calls.length;
    expect((await panel.api("POST", "/api/v1/test/jobs/courses.deliver-lessons/run")).status).toBe(200);
    const sent = await tg.waitForCall(
      "sendMessage",
      (p) => p.chat_id === cy.id && String(p.text).includes("Describe your lines"),
      { after },
    );
    after = tg.calls.length;
    await tg.sendText(bot, cy, "Ten straight lines, the last one wobbly", { replyTo: sentMessage(sent) });
    await tg.waitForCall("sendMessage", (p) => p.chat_id === cy.id, { after });

    await browser.context.clearCookies();
    const desk = await browser.newPage();
    try {
      await signIn(desk, panel, "rita@example.com", reviewer.body.temporary_password, "/admin/");
      await desk.waitForURL(/\/admin\/courses\/reviews/);
      const card = desk.getByTestId("submission");
      await eventually(async () => {
        if ((await card.count()) === 0) await desk.reload();
        return card.count();
      }).toBe(1);
      expect(await card.textContent()).toContain("Ten straight lines, the last one wobbly");
      expect(await desk.getByRole("link", { name: "Courses" }).count()).toBe(0);
      await card.getByRole("button", { name: "Take" }).click();
      await card.getByLabel("Feedback").fill("Steady hands: keep the last one straight too");
      await card.getByLabel("Grade (1–10)").fill("8");
      await screenshot(desk, "courses-review-queue");
      after = tg.calls.length;
      await card.getByRole("button", { name: "Accept" }).click();
      const feedback = await tg.waitForCall(
        "sendMessage",
        (p) => p.chat_id === cy.id && String(p.text).includes("Feedback on day 1"),
        { after, timeoutMs: 30_000 },
      );
      expect(textOf(feedback)).toContain("grade 8");
      expect(textOf(feedback)).toContain("Steady hands: keep the last one straight too");
      await eventually(() => card.count()).toBe(0);
      await screenshot(desk, "courses-review-queue-empty");
    } catch (error) {
      await screenshot(desk, "courses-review-failure");
      throw error;
    } finally {
      await desk.close();
    }
  });

  it("shows who holds a submission to other reviewers, and the course's stats tab", async () => {
    const { tg, bot } = panel;
    const course = (await panel.api("GET", "/api/v1/courses")).body.items.find(
      (c: { code: string }) => c.code === "sketching",
    );
    // A second FEEDBACK student hands in homework for the same lesson.
    const dee = tg.createUser({ firstName: "Dee", languageCode: "en" });
    await say(tg, bot, dee, "/start");
    const catalog = await say(tg, bot, dee, "/buy");
    let after = tg.calls.length;
    await tg.pressButton(
      bot,
      dee,
      sentMessage(catalog),
      callbackDataOf(catalog, "Sketching — FEEDBACK — 300 ⭐"),
    );
    const invoice = await tg.waitForCall("sendInvoice", (p) => p.chat_id === dee.id, { after });
    expect((await tg.payInvoice(bot, dee, sentMessage(invoice))).ok).toBe(true);
    await eventually(
      async () => (await panel.api("GET", "/api/v1/enrollments?course_code=sketching")).body.items.length,
    ).toBe(2);
    after = tg.calls.length;
    expect((await panel.api("POST", "/api/v1/test/jobs/courses.deliver-lessons/run")).status).toBe(200);
    const lesson = await tg.waitForCall(
      "sendMessage",
      (p) => p.chat_id === dee.id && String(p.text).includes("Describe your lines"),
      { after },
    );
    await tg.sendText(bot, dee, "Five curves", { replyTo: sentMessage(lesson) });

    // Rita takes it in the panel.
    await browser.context.clearCookies();
    const desk = await browser.newPage();
    try {
      await signIn(desk, panel, "rita@example.com", reviewerPassword, "/admin/courses/reviews");
      const card = desk.getByTestId("submission");
      await eventually(async () => {
        if ((await card.count()) === 0) await desk.reload();
        return card.count();
      }).toBe(1);
      await card.getByRole("button", { name: "Take" }).click();
      await eventually(() => card.getByLabel("Feedback").count()).toBe(1);
    } finally {
      await desk.close();
    }

    // The owner, also a reviewer by rank, sees who has it and no "Take".
    await browser.context.clearCookies();
    await signIn(page, panel, email, password, "/admin/courses/reviews");
    const held = page.getByTestId("submission");
    await eventually(() => held.getByTestId("taken-by").textContent()).toBe("Taken by rita@example.com");
    expect(await held.getByRole("button", { name: "Take" }).count()).toBe(0);
    expect(await held.getByLabel("Feedback").count()).toBe(0);
    await screenshot(page, "courses-review-held");
    // The sidebar lights the page's own item, not Courses above it as well.
    const background = (name: string) =>
      page
        .getByRole("navigation", { name: "Main" })
        .getByRole("link", { name, exact: true })
        .evaluate((link) => getComputedStyle(link).backgroundColor);
    expect(await background("Courses")).not.toBe(await background("Homework review"));

    await page.goto(`${panel.url}/admin/courses/${course.id}`);
    await page.getByRole("tab", { name: "Statistics" }).click();
    await page.waitForURL(/tab=stats/);
    const stats = page.getByTestId("course-stats");
    await eventually(() => stats.getByTestId("stat-enrolled-value").textContent()).toBe("2");
    expect(await stats.getByTestId("stat-pending-value").textContent()).toBe("1");
    expect(await stats.getByTestId("drop-off-chart").locator(".recharts-bar-rectangle").count()).toBe(2);
    const lessons = stats.getByRole("table", { name: "Drop-off by lesson" });
    expect(await lessons.getByRole("row").nth(1).textContent()).toBe("1. Lines22100%—");
    const reviewers = stats.getByRole("table", { name: "Homework turnaround" });
    expect(await reviewers.getByRole("row").nth(1).textContent()).toContain("rita@example.com11");
    await screenshot(page, "courses-stats");
    await page.setViewportSize({ width: 375, height: 800 });
    await screenshot(page, "courses-stats-375");
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.evaluate(() => localStorage.setItem("lumen.locale", "ru"));
    await page.reload();
    await eventually(() => page.getByRole("tab", { name: "Статистика" }).getAttribute("data-state")).toBe(
      "active",
    );
    await screenshot(page, "courses-stats-ru");
    await page.evaluate(() => localStorage.setItem("lumen.locale", "en"));
  });
});
