import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type BotHandle, createTelegramEmulator, type TelegramEmulator } from "@lumen/testkit";
import { type BrowserContext, chromium, type Page } from "playwright-core";
import { createLumenHome, type LumenProcess, repoRoot, runLumenCli, startLumen } from "./lumen-process.ts";

/**
 * What a browser test of a web app (the admin panel, the Mini App store) starts from: the real
 * server process (as `npm start` runs it) with the Telegram emulator and one bot, an owner API key
 * for seeding data through the API, and Debian's Chromium driven by playwright-core.
 * apps/admin/test/support/panel.ts adds the panel's sign-in helpers on top.
 */

export const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const hasChromium = existsSync(chromiumPath);
export const noChromiumReason = `browser tests skipped: no Chromium at ${chromiumPath} (apt-get install -y chromium)`;

export type WebAppName = "admin" | "mini-app";

/** Builds apps/<name>/dist if it is missing or older than its sources (a no-op after `npm install`). */
export function ensureWebAppBuilt(name: WebAppName): void {
  const script = join(repoRoot, "scripts/build-web.mjs");
  const result = spawnSync(process.execPath, [script, "--app", name, "--quiet"], {
    cwd: repoRoot,
    stdio: "inherit",
  });
  if (result.status !== 0) throw new Error(`building ${name} failed`);
}

export type WebServer = {
  tg: TelegramEmulator;
  bot: BotHandle;
  lumen: LumenProcess;
  /** The server's origin, e.g. http://127.0.0.1:41234 (the panel is at `${url}/admin/`, the store at `${url}/app/<botId>/`). */
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

export type WebServerOptions = {
  env?: Record<string, string>;
  /** Make an owner API key with the CLI first (costs one more database boot). */
  apiKey?: boolean;
  /** The key's name, as the audit log shows who made the seeded changes. */
  apiKeyName?: string;
  /** Runs before the server starts, with its environment (e.g. `lumen demo` to seed the catalog). */
  prepare?: (env: Record<string, string>) => Promise<void>;
  /** The web apps to build first if stale (default: the admin panel). */
  webApps?: WebAppName[];
};

export async function startWebServer(options: WebServerOptions = {}): Promise<WebServer> {
  for (const name of options.webApps ?? ["admin"]) ensureWebAppBuilt(name);
  const tg = await createTelegramEmulator();
  const bot = tg.createBot({ username: "lumen_panel_bot", firstName: "Lumen Shop" });
  const home = await createLumenHome();
  let key: string | undefined;
  if (options.apiKey) {
    const args = [
      "api-key",
      "create",
      "--name",
      options.apiKeyName ?? "browser tests",
      "--key-role",
      "owner",
    ];
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
      if (!key) throw new Error("start the server with { apiKey: true } to get the key api() uses");
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

/** Saves a PNG under .tmp/browser/ (ignored by git) for a person to look at when a test fails. */
export async function screenshot(page: Page, name: string): Promise<string> {
  const dir = join(repoRoot, ".tmp/browser");
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}
