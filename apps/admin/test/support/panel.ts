import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type BotHandle, createTelegramEmulator, type TelegramEmulator } from "@lumen/testkit";
import { type BrowserContext, chromium, type Page } from "playwright-core";
import {
  createLumenHome,
  type LumenProcess,
  repoRoot,
  runLumenCli,
  startLumen,
} from "../../../server/test/support/lumen-process.ts";

/**
 * What a browser test of the admin panel starts from: the real server process (as `npm start`
 * runs it) with the Telegram emulator and one bot, an owner API key for seeding data through the
 * API, and Debian's Chromium driven by playwright-core. A page test is then ~30 lines:
 *
 *   const panel = await startPanel();
 *   const browser = await openBrowser();
 *   await createOwner(panel, "boss@example.com", "a long password");
 *   const page = await browser.newPage();
 *   await signIn(page, panel, "boss@example.com", "a long password", "/admin/audit");
 */

export const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const hasChromium = existsSync(chromiumPath);
export const noChromiumReason = `browser tests skipped: no Chromium at ${chromiumPath} (apt-get install -y chromium)`;

/** Builds apps/admin/dist if it is missing or older than its sources (a no-op after `npm install`). */
export function ensurePanelBuilt(): void {
  const result = spawnSync(process.execPath, [join(repoRoot, "apps/admin/scripts/build.mjs"), "--quiet"], {
    cwd: repoRoot,
    stdio: "inherit",
  });
  if (result.status !== 0) throw new Error("building the admin panel failed");
}

export type Panel = {
  tg: TelegramEmulator;
  bot: BotHandle;
  lumen: LumenProcess;
  /** The server's origin, e.g. http://127.0.0.1:41234 (the panel is at `${url}/admin/`). */
  url: string;
  /** An owner API key made with the CLI before the server started (only with `apiKey: true`). */
  key: string | undefined;
  /** The first-run setup code the server printed in its log. */
  setupCode(): string;
  /** Calls the API with the owner key (`apiKey: true`); JSON in and out. */
  // biome-ignore lint/suspicious/noExplicitAny: tests read whatever JSON the endpoint returns
  api(method: string, path: string, body?: unknown): Promise<{ status: number; body: any }>;
  stop(): Promise<void>;
};

export async function startPanel(
  options: {
    env?: Record<string, string>;
    /** Make an owner API key with the CLI first (costs one more database boot). */
    apiKey?: boolean;
    /** The key's name, as the audit log shows who made the seeded changes. */
    apiKeyName?: string;
    /** Runs before the server starts, with its environment (e.g. `lumen demo` to seed the catalog). */
    prepare?: (env: Record<string, string>) => Promise<void>;
  } = {},
): Promise<Panel> {
  ensurePanelBuilt();
  const tg = await createTelegramEmulator();
  const bot = tg.createBot({ username: "lumen_panel_bot", firstName: "Lumen Shop" });
  const home = await createLumenHome();
  let key: string | undefined;
  if (options.apiKey) {
    const name = options.apiKeyName ?? "browser tests";
    const args = ["api-key", "create", "--name", name, "--key-role", "owner"];
    const created = await runLumenCli(home.env, args);
    if (created.code !== 0) throw new Error(`api-key create failed: ${created.stderr}`);
    key = created.stdout.trim();
  }
  await options.prepare?.(home.env);
  // A generous start timeout: browser suites run beside the rest of the tests on 2 cores.
  const lumen = await startLumen(
    { ...home.env, BOT_TOKEN: bot.token, TELEGRAM_API_ROOT: tg.apiRoot, ...options.env },
    ["start"],
    { readyTimeoutMs: 180_000 },
  );
  return {
    tg,
    bot,
    lumen,
    url: lumen.url,
    key,
    setupCode() {
      const line = lumen.logs.find((l) => l.msg.includes("Setup code: "));
      const code = line?.msg.match(/Setup code: ([A-Z0-9-]+)/)?.[1];
      if (!code) throw new Error("the server printed no setup code (an operator already exists?)");
      return code;
    },
    async api(method, path, body) {
      if (!key) throw new Error("startPanel({ apiKey: true }) makes the key panel.api uses");
      const response = await fetch(`${lumen.url}${path}`, {
        method,
        headers: { "x-auth-key": key, ...(body === undefined ? {} : { "content-type": "application/json" }) },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      const text = await response.text();
      return { status: response.status, body: text ? JSON.parse(text) : null };
    },
    async stop() {
      await lumen.stop();
      await tg.close();
      await home.cleanup();
    },
  };
}

/** Creates the owner through the first-run API with the code from the log (for tests not about setup). */
export async function createOwner(panel: Panel, email: string, password: string): Promise<void> {
  const response = await fetch(`${panel.url}/api/v1/setup`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ setup_code: panel.setupCode(), email, password }),
  });
  if (response.status !== 201) throw new Error(`setup failed: ${response.status} ${await response.text()}`);
}

export type TestBrowser = {
  context: BrowserContext;
  newPage(viewport?: { width: number; height: number }): Promise<Page>;
  close(): Promise<void>;
};

/** Debian's Chromium, headless, with a fresh profile of its own (no cookies or storage carried over). */
export async function openBrowser(options: { locale?: string } = {}): Promise<TestBrowser> {
  const userDataDir = mkdtempSync(join(tmpdir(), "lumen-chromium-"));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--no-first-run",
      "--disable-dev-shm-usage",
    ],
    viewport: { width: 1280, height: 800 },
    locale: options.locale ?? "en-US",
    timezoneId: "Europe/Moscow",
  });
  context.setDefaultTimeout(15_000);
  return {
    context,
    async newPage(viewport) {
      const page = await context.newPage();
      if (viewport) await page.setViewportSize(viewport);
      return page;
    },
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** Signs in through the login form and waits for the page it leads to (`path`, default the home page). */
export async function signIn(page: Page, panel: Panel, email: string, password: string, path = "/admin/") {
  await page.goto(`${panel.url}${path}`);
  await page.waitForURL(/\/admin\/login/);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/admin/login"));
}

/** Saves a PNG under .tmp/browser/ (ignored by git) for a person to look at when a test fails. */
export async function screenshot(page: Page, name: string): Promise<string> {
  const dir = join(repoRoot, ".tmp/browser");
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}
