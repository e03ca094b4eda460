import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findFreePort, type LumenProcess, runLumenCli, startLumen } from "../support/lumen-process.ts";
import {
  createPrivatePostgres,
  findPostgresBinaries,
  type PrivatePostgres,
} from "../support/private-postgres.ts";

/**
 * PostgreSQL goes away under load and comes back: while it is down every request fails cleanly
 * (503, the error shape, no internals), and once it is back Lumen serves again without being
 * restarted. The cluster is the test's own, never the server other suites share.
 */
const onPostgres = Boolean(process.env.TEST_DATABASE_URL);
const bin = findPostgresBinaries();
if (!onPostgres) console.log("postgres-restart: skipped on PGlite (runs on the PostgreSQL pass)");
else if (!bin)
  console.log("postgres-restart: skipped (no PostgreSQL server binaries in /usr/lib/postgresql)");

let pg: PrivatePostgres;
let lumen: LumenProcess;
let key: string;
let dataDir: string;

beforeAll(async () => {
  if (!onPostgres || !bin) return;
  pg = createPrivatePostgres(bin, await findFreePort());
  pg.start();
  dataDir = mkdtempSync(join(tmpdir(), "lumen-pgrestart-"));
  const env = { DATA_DIR: dataDir, LUMEN_SECRET: "22".repeat(32), DATABASE_URL: pg.url };
  key = (
    await runLumenCli(env, ["api-key", "create", "--name", "load", "--key-role", "admin"])
  ).stdout.trim();
  lumen = await startLumen(env, ["start", "--role", "api"]);
}, 300_000);

afterAll(async () => {
  await lumen?.stop();
  pg?.remove();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

let telegramId = 640_000;
/** One unit of load: register a user, then read their credits. */
async function load(): Promise<
  Array<{ status: number; body: { error?: { code: string; message: string } } }>
> {
  const id = telegramId++;
  const call = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${lumen.url}${path}`, {
      method,
      headers: { "x-auth-key": key, ...(body ? { "content-type": "application/json" } : {}) },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    return { status: res.status, body: await res.json() };
  };
  const created = await call("POST", "/api/v1/users", { telegram_id: id, first_name: "Load" });
  const read = await call("GET", `/api/v1/users?telegram_id=${id}`);
  return [created, read];
}

describe.skipIf(!onPostgres || !bin)("PostgreSQL restarted under load", () => {
  it("answers 503 with the error shape while it is down and recovers without restarting Lumen", async () => {
    for (const answer of (await Promise.all([load(), load(), load()])).flat()) {
      expect(answer.status).toBeLessThan(300);
    }
    // Load keeps coming while the server stops.
    const during = Promise.all(Array.from({ length: 5 }, () => load()));
    pg.stop();
    const whileDown = (
      await Promise.all([during, Promise.all(Array.from({ length: 5 }, () => load()))])
    ).flat(2);
    const failures = whileDown.filter((a) => a.status >= 500);
    expect(failures.length).toBeGreaterThan(0);
    for (const failure of failures) {
      expect(failure.status).toBe(503);
      expect(failure.body.error?.code).toBe("SERVICE_UNAVAILABLE");
      expect(failure.body.error?.message).not.toMatch(/ECONNREFUSED|terminating|postgres|127\.0\.0\.1/i);
    }
    expect((await fetch(`${lumen.url}/api/health`)).status).toBe(503);

    pg.start();
    // Recovery is bounded: the pool reconnects on the next requests.
    let recovered = false;
    for (let attempt = 0; attempt < 50 && !recovered; attempt++) {
      const answers = await load();
      recovered = answers.every((a) => a.status < 300);
      if (!recovered) await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(recovered).toBe(true);
    expect((await fetch(`${lumen.url}/api/health`)).status).toBe(200);
    expect(lumen.child.exitCode).toBeNull();
  }, 300_000);
});
