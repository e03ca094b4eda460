import type { Page } from "playwright-core";
import {
  ensureWebAppBuilt,
  openBrowser,
  startWebServer,
  type TestBrowser,
  type WebServer,
  type WebServerOptions,
} from "../../../server/test/support/web-server.ts";

export {
  chromiumPath,
  hasChromium,
  noChromiumReason,
  openBrowser,
  screenshot,
  type TestBrowser,
} from "../../../server/test/support/web-server.ts";

/**
 * What a browser test of the admin panel starts from (the shared harness is
 * apps/server/test/support/web-server.ts). A page test is then ~30 lines:
 *
 *   const panel = await startPanel();
 *   const browser = await openBrowser();
 *   await createOwner(panel, "boss@example.com", "a long password");
 *   const page = await browser.newPage();
 *   await signIn(page, panel, "boss@example.com", "a long password", "/admin/audit");
 */
export type Panel = WebServer;

/** Builds apps/admin/dist if it is missing or older than its sources (a no-op after `npm install`). */
export function ensurePanelBuilt(): void {
  ensureWebAppBuilt("admin");
}

export function startPanel(options: Omit<WebServerOptions, "webApps"> = {}): Promise<Panel> {
  return startWebServer({ ...options, webApps: ["admin"] });
}

/** Creates the owner through the first-run API with the code from the log (for tests not about setup). */
export async function createOwner(panel: Panel, email: string, password: string): Promise<void> {
  // The code is logged just after "Lumen is up", which startLumen waits for: it may not be read yet.
  await panel.lumen.waitForLog((l) => l.msg.includes("Setup code: "));
  const response = await fetch(`${panel.url}/api/v1/setup`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ setup_code: panel.setupCode(), email, password }),
  });
  if (response.status !== 201) throw new Error(`setup failed: ${response.status} ${await response.text()}`);
}

/**
 * Types into a list's search box and waits until the filtered list is on the screen: clicking a
 * row sooner can hit a row of the unfiltered list just as it is replaced, and the click is lost.
 */
export async function searchList(page: Page, text: string): Promise<void> {
  const searched = page.waitForResponse((r) => r.url().includes("/api/v1/") && r.url().includes("q="));
  await page.getByRole("searchbox").fill(text);
  await searched;
  // Two frames: React has drawn the response.
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
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

export interface SignedInPanel {
  panel: Panel;
  browser: TestBrowser;
  page: Page;
}

/**
 * A suite's own server and browser with its owner signed in at `path`. `prepare` runs before the
 * sign-in, for suites whose first page needs data made through the API or the bot.
 */
export async function openSignedInPanel(options: {
  email: string;
  password: string;
  path?: string;
  server?: Omit<WebServerOptions, "webApps">;
  prepare?: (panel: Panel) => Promise<void>;
}): Promise<SignedInPanel> {
  const [panel, browser] = await Promise.all([startPanel(options.server), openBrowser()]);
  await createOwner(panel, options.email, options.password);
  await options.prepare?.(panel);
  const page = await browser.newPage();
  await signIn(page, panel, options.email, options.password, options.path);
  return { panel, browser, page };
}

/** Closes what `openSignedInPanel` opened, as far as it got. */
export async function closePanel(opened: { panel?: Panel; browser?: TestBrowser }): Promise<void> {
  await opened.browser?.close();
  await opened.panel?.stop();
}
