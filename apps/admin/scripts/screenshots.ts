// npm run screenshots: starts a Lumen of its own with the demo catalog, creates the owner through the
// first-run page, signs in, and saves a PNG of every page the sidebar lists into docs/screenshots/
// (1280 px wide), plus the home page at 375 px and the sign-in and setup pages. Not a test: run it
// after changing how pages look, open the PNGs, and commit them.
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { repoRoot, runLumenCli } from "../../server/test/support/lumen-process.ts";
import { hasChromium, noChromiumReason, openBrowser, signIn, startPanel } from "../test/support/panel.ts";

if (!hasChromium) {
  console.error(noChromiumReason);
  process.exit(1);
}

const out = join(repoRoot, "docs/screenshots");
mkdirSync(out, { recursive: true });
const email = "owner@example.com";
const password = "a long password";

async function settle(page: Page): Promise<void> {
  await page.waitForLoadState("networkidle");
  // Skeletons and toasts fade; give them a moment so the picture shows the settled page.
  await page.waitForTimeout(600);
}

async function shoot(page: Page, name: string): Promise<void> {
  await settle(page);
  const path = join(out, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  console.log(`saved ${path}`);
}

const panel = await startPanel({
  env: { PAYMENTS_MOCK: "true" },
  // The demo catalog is seeded into the same home before the server starts.
  prepare: async (env) => {
    const seeded = await runLumenCli(env, ["demo"]);
    if (seeded.code !== 0) throw new Error(`lumen demo failed: ${seeded.stderr}`);
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

  await signIn(page, panel, email, password, "/admin/");
  await shoot(page, "home");
  const links = await page
    .getByRole("navigation", { name: "Main" })
    .getByRole("link")
    .evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
  for (const path of links) {
    if (path === "/admin/" || path === "/admin") continue;
    await page.goto(`${panel.url}${path}`);
    await shoot(page, path.replace(/^\/admin\//, "").replaceAll("/", "-") || "home");
  }

  await page.emulateMedia({ colorScheme: "dark" });
  await page.goto(`${panel.url}/admin/audit`);
  await shoot(page, "audit-dark");
  await page.emulateMedia({ colorScheme: "light" });

  const phone = await browser.newPage({ width: 375, height: 812 });
  await phone.goto(`${panel.url}/admin/`);
  await shoot(phone, "home-375");
  await phone.getByRole("button", { name: "Open menu" }).click();
  await phone.waitForTimeout(400);
  await phone.screenshot({ path: join(out, "menu-375.png") });
  console.log(`saved ${join(out, "menu-375.png")}`);
} finally {
  await browser.close();
  await panel.stop();
}
