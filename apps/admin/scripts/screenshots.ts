// npm run screenshots: starts a Lumen of its own with the Telegram emulator, seeds four weeks of a
// small shop (screenshot-seed.ts), creates the owner through the first-run page, signs in, and
// saves a PNG of every page into docs/screenshots/ (1280x800, plus a few dark, 375 px wide and
// Russian ones). Not a test: run it after changing how pages look, open the PNGs, commit them.
// A new page is one line in `pages` below.
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { createFakeOpenAI, createFakeYooKassa } from "@lumen/testkit";
import type { Page } from "playwright-core";
import { repoRoot } from "../../server/test/support/lumen-process.ts";
import { hasChromium, noChromiumReason, openBrowser, signIn, startPanel } from "../test/support/panel.ts";
import { type Seeded, seedShop } from "./screenshot-seed.ts";

if (!hasChromium) {
  console.error(noChromiumReason);
  process.exit(1);
}

const out = join(repoRoot, "docs/screenshots");
mkdirSync(out, { recursive: true });
const email = "owner@example.com";
const password = "a long password";

/** Every page: its file name and path (`ids` come from the seed). A missing page is skipped. */
const pages: Array<{
  name: string;
  path: (ids: Seeded) => string;
  /** Opens a dialog on the page; the picture is then of the viewport. */
  open?: (page: Page) => Promise<void>;
}> = [
  { name: "dashboard", path: () => "/admin/?period=30" },
  { name: "users", path: () => "/admin/users" },
  { name: "user", path: (ids) => `/admin/users/${ids.userId}` },
  { name: "orders", path: () => "/admin/orders" },
  { name: "order", path: (ids) => `/admin/orders/${ids.orderId}` },
  { name: "products", path: () => "/admin/products" },
  {
    name: "product-edit",
    path: () => "/admin/products",
    open: async (page) => {
      await page.getByRole("button", { name: "Club month", exact: true }).click();
      await page.getByRole("dialog").waitFor();
    },
  },
  { name: "subscriptions", path: () => "/admin/subscriptions" },
  { name: "promos", path: () => "/admin/promos" },
  { name: "promo", path: (ids) => `/admin/promos/${ids.promoId}` },
  { name: "partners", path: () => "/admin/partners" },
  { name: "channels", path: () => "/admin/channels" },
  { name: "channel", path: (ids) => `/admin/channels/${ids.channelId}` },
  { name: "bots", path: () => "/admin/bots" },
  { name: "operators", path: () => "/admin/operators" },
  { name: "api-keys", path: () => "/admin/api-keys" },
  { name: "settings", path: () => "/admin/settings" },
  { name: "audit", path: () => "/admin/audit" },
  { name: "account", path: () => "/admin/account" },
  { name: "courses", path: () => "/admin/courses" },
  { name: "course", path: (ids) => `/admin/courses/${ids.courseId}` },
  { name: "course-stats", path: (ids) => `/admin/courses/${ids.courseId}?tab=stats` },
  { name: "reviews", path: () => "/admin/courses/reviews" },
  { name: "tasks", path: () => "/admin/tasks" },
  { name: "task", path: (ids) => `/admin/tasks/${ids.taskId}` },
  { name: "task-statistics", path: () => "/admin/tasks/statistics" },
  { name: "broadcasts", path: () => "/admin/broadcasts" },
  { name: "broadcast", path: (ids) => `/admin/broadcasts/${ids.broadcastId}` },
  { name: "texts", path: () => "/admin/texts" },
  { name: "analytics", path: () => "/admin/analytics" },
];
/** The same pages again in dark theme, at 375 px, and in Russian. */
const variants = {
  dark: ["dashboard", "orders", "user", "audit"],
  phone: [
    "dashboard",
    "users",
    "order",
    "account",
    "products",
    "operators",
    "courses",
    "course",
    "tasks",
    "task-statistics",
    "broadcasts",
    "broadcast",
    "promo",
    "texts",
  ],
  russian: [
    "dashboard",
    "user",
    "account",
    "products",
    "operators",
    "courses",
    "course",
    "course-stats",
    "tasks",
    "task-statistics",
    "broadcasts",
    "broadcast",
    "promo",
    "texts",
    "analytics",
  ],
};

async function settle(page: Page): Promise<void> {
  await page.waitForLoadState("networkidle");
  // Skeletons, chart animations and toasts fade; give them a moment so the picture shows the settled page.
  await page.waitForTimeout(900);
}

async function shoot(page: Page, name: string, fullPage = true): Promise<void> {
  await settle(page);
  const path = join(out, `${name}.png`);
  const viewport = page.viewportSize() ?? { width: 1280, height: 800 };
  // A long page is shot in a window as tall as the page, not with `fullPage`: the sidebar is as
  // tall as the window, and a stitched picture would cut it off at the first screen.
  const height = fullPage ? await page.evaluate(() => document.documentElement.scrollHeight) : 0;
  if (height > viewport.height) {
    await page.setViewportSize({ width: viewport.width, height });
    await page.waitForTimeout(700);
  }
  await page.screenshot({ path });
  if (height > viewport.height) await page.setViewportSize(viewport);
  console.log(`saved ${path}`);
}

/** Opens a page; false when the panel has no such page (its router shows "not found"). */
async function visit(page: Page, url: string): Promise<boolean> {
  await page.goto(url);
  await settle(page);
  return (await page.getByText(/^(Page not found|Страница не найдена)$/).count()) === 0;
}

// Rubles are paid through a fake YooKassa and the assistant answers through a fake OpenAI, so the
// dashboard has RUB revenue next to Stars and AI messages with their cost.
const yk = await createFakeYooKassa({ shopId: "100500", secretKey: "test_screenshots" });
const ai = await createFakeOpenAI({ apiKey: "sk-screenshots" });
const panel = await startPanel({
  apiKey: true,
  apiKeyName: "Shop backend",
  env: {
    YOOKASSA_SHOP_ID: "100500",
    YOOKASSA_SECRET_KEY: "test_screenshots",
    YOOKASSA_API_URL: yk.baseUrl,
    YOOKASSA_ALLOWED_IPS: "*",
    OPENAI_BASE_URL: ai.baseUrl,
    OPENAI_API_KEY: "sk-screenshots",
    OPENAI_MODEL: "gpt-4o-mini",
    AI_MODELS: "gpt-4o-mini:1,gpt-4o:5",
    LUMEN_TEST_CONTROLS: "true",
    TELEGRAM_CHAT_RATE_PER_SECOND: "50",
  },
});
const browser = await openBrowser();
try {
  const page = await browser.newPage({ width: 1280, height: 800 });
  await page.goto(`${panel.url}/admin/login`);
  await shoot(page, "login");
  await page.goto(`${panel.url}/admin/setup`);
  await shoot(page, "setup");
  await page.getByLabel("Setup code").fill(panel.setupCode());
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Create owner" }).click();
  await page.waitForURL(/\/admin\/login/);

  console.log("seeding four weeks of sales through the bot…");
  const ids = await seedShop(panel, yk);
  // Warnings the server logged while seeding explain a page that looks emptier than expected.
  for (const line of panel.lumen.logs.filter((l) => l.level >= 40).slice(0, 20)) {
    console.warn(`server: ${line.msg}`);
  }
  // The server's clock is four weeks ahead now; the browser's "today" must agree with it.
  const now = await panel.api("POST", "/api/v1/test/clock", { advance_ms: 0 });
  await browser.context.clock.setFixedTime(new Date(now.body.now));

  await signIn(page, panel, email, password, "/admin/");
  const shots = async (target: Page, suffix: string, names?: string[]) => {
    for (const entry of pages) {
      if (names && !names.includes(entry.name)) continue;
      if (!(await visit(target, `${panel.url}${entry.path(ids)}`))) {
        console.warn(`skipped ${entry.name}: no such page in this build`);
        continue;
      }
      await entry.open?.(target);
      await shoot(target, `${entry.name}${suffix}`, !entry.open);
    }
  };
  await shots(page, "");

  await page.emulateMedia({ colorScheme: "dark" });
  await shots(page, "-dark", variants.dark);
  await page.emulateMedia({ colorScheme: "light" });

  const phone = await browser.newPage({ width: 375, height: 812 });
  await shots(phone, "-375", variants.phone);
  await phone.goto(`${panel.url}/admin/`);
  await settle(phone);
  await phone.getByRole("button", { name: "Open menu" }).click();
  await shoot(phone, "menu-375", false);
  await phone.close();

  const russian = await openBrowser({ locale: "ru-RU" });
  await russian.context.clock.setFixedTime(new Date(now.body.now));
  const ru = await russian.newPage({ width: 1280, height: 800 });
  await ru.goto(`${panel.url}/admin/login`);
  await ru.getByLabel("Email").fill(email);
  await ru.getByLabel("Пароль").fill(password);
  await ru.getByRole("button", { name: "Войти" }).click();
  await ru.waitForURL((url) => !url.pathname.startsWith("/admin/login"));
  await shots(ru, "-ru", variants.russian);
  await russian.close();
} finally {
  await browser.close();
  await panel.stop();
  await yk.close();
  await ai.close();
}
