import { spawn } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLumenHome, repoRoot, runLumenCli, startLumen } from "../support/lumen-process.ts";

let home: Awaited<ReturnType<typeof createLumenHome>>;
beforeAll(async () => {
  home = await createLumenHome();
});
afterAll(() => home.cleanup());

// Every test here starts the program (a cold Node, migrations, the web apps) once or more.
describe("the server program", { timeout: 120_000 }, () => {
  it("refuses a bad configuration, naming the variable", async () => {
    const result = await runLumenCli({ ...home.env, PORT: "not-a-port" }, ["start"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("PORT:");
  });

  it("migrates from the command line and exits 0", async () => {
    const result = await runLumenCli(home.env, ["migrate"]);
    expect(result.code, result.stderr).toBe(0);
  });

  it("fills a demo catalog once", async () => {
    const first = await runLumenCli(home.env, ["demo"]);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toContain("Added the demo data: 100 AI credits, 500 AI credits, Unlimited month");
    expect((await runLumenCli(home.env, ["demo"])).stdout).toContain("already there");
  });

  it("creates an operator from the CLI who can then log in over HTTP and mint an API key", async () => {
    const created = await runLumenCli(
      home.env,
      ["admin", "create", "--email", "boss@example.com", "--password-stdin"],
      "a long password\n",
    );
    expect(created.code, created.stderr).toBe(0);
    expect(created.stdout).toContain("Created owner boss@example.com");

    const lumen = await startLumen(home.env);
    try {
      const login = await fetch(`${lumen.url}/api/v1/auth/login`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ email: "boss@example.com", password: "a long password" }),
      });
      expect(login.status).toBe(200);
      const cookie = login.headers.get("set-cookie")?.split(";")[0] ?? "";
      expect(cookie).toMatch(/^lumen_session=/);
      const key = await fetch(`${lumen.url}/api/v1/api-keys`, {
        method: "POST",
        headers: { "content-type": "application/json", cookie, origin: lumen.url },
        body: JSON.stringify({ name: "e2e", role: "admin" }),
      }).then((r) => r.json());
      const me = await fetch(`${lumen.url}/api/v1/auth/me`, { headers: { "x-auth-key": key.key } }).then(
        (r) => r.json(),
      );
      expect(me).toMatchObject({ kind: "api_key", name: "e2e", role: "admin" });
      expect(lumen.logs.map((l) => JSON.stringify(l)).join("\n")).not.toContain(key.key);
      expect(lumen.logs.map((l) => JSON.stringify(l)).join("\n")).not.toContain("a long password");
    } finally {
      expect(await lumen.stop()).toBe(0);
    }
  });

  it("stops cleanly on SIGTERM and SIGINT, with exit code 0", async () => {
    for (const signal of ["SIGTERM", "SIGINT"] as const) {
      const lumen = await startLumen(home.env);
      const health = await fetch(`${lumen.url}/api/health`).then((r) => r.json());
      expect(health).toMatchObject({ status: "ok", database: "ok" });
      expect(await lumen.stop(signal)).toBe(0);
      expect(lumen.logs.some((l) => l.msg === "stopped cleanly")).toBe(true);
    }
  });

  it("refuses a second process on the same embedded data directory", async () => {
    const embedded = { ...home.env, DATABASE_URL: "" };
    const first = await startLumen(embedded);
    try {
      const second = await runLumenCli(embedded, ["start"]);
      expect(second.code).toBe(1);
      expect(second.stderr).toContain(
        `Another Lumen process (pid ${first.child.pid}) is using the data directory`,
      );
      const health = await fetch(`${first.url}/api/health`);
      expect(health.status).toBe(200);
    } finally {
      expect(await first.stop()).toBe(0);
    }
  });

  it("`npm start` passes a signal sent to its process group to the server and exits with its code", async () => {
    const child = spawn("npm", ["start", "--silent"], {
      cwd: repoRoot,
      env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "/tmp", ...home.env, PORT: "0" },
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    await new Promise<void>((resolve, reject) => {
      child.stdout?.on("data", (c: Buffer) => {
        out += c;
        if (out.includes("Lumen is up")) resolve();
      });
      child.stderr?.on("data", (c: Buffer) => {
        out += c;
      });
      child.on("exit", () => reject(new Error(`npm start exited early: ${out}`)));
    });
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    process.kill(-(child.pid as number), "SIGTERM");
    expect(await exited).toBe(0);
    expect(out).toContain("stopped cleanly");
  });
});
