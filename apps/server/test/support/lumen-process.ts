import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { createPostgresTestDatabase } from "@lumen/db/testing";

const bin = fileURLToPath(new URL("../../bin/lumen.mjs", import.meta.url));
export const repoRoot = fileURLToPath(new URL("../../../../", import.meta.url));

export type LogLine = { level: number; msg: string; [key: string]: unknown };

/**
 * Where one suite's Lumen keeps its data: a temp DATA_DIR, and on CI's PostgreSQL pass a
 * fresh database of its own. Restarts within the suite share it; other suites never do.
 */
export async function createLumenHome(): Promise<{
  env: Record<string, string>;
  dataDir: string;
  cleanup(): Promise<void>;
}> {
  const dataDir = mkdtempSync(join(tmpdir(), "lumen-e2e-"));
  const server = process.env.TEST_DATABASE_URL;
  const database = server ? await createPostgresTestDatabase(server) : undefined;
  return {
    dataDir,
    env: {
      DATA_DIR: dataDir,
      LUMEN_SECRET: "11".repeat(32),
      ...(database ? { DATABASE_URL: database.url } : {}),
    },
    async cleanup() {
      await database?.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port")),
      );
    });
  });
}

const baseEnv = () => ({
  PATH: process.env.PATH ?? "",
  HOME: process.env.HOME ?? "/tmp",
  LOG_LEVEL: "info",
  PORT: "0",
  // The suites bring their own emulator and bots; the playground suite turns this back to auto.
  PLAYGROUND: "false",
});

export type LumenProcess = {
  child: ChildProcess;
  url: string;
  logs: LogLine[];
  stderr: () => string;
  waitForLog(predicate: (line: LogLine) => boolean, timeoutMs?: number): Promise<LogLine>;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
  exited: Promise<number | null>;
};

/** The real server program in a child process, as `npm start` runs it; resolves once it listens. */
export async function startLumen(
  env: Record<string, string>,
  args: string[] = ["start"],
  options: { readyTimeoutMs?: number } = {},
): Promise<LumenProcess> {
  const worker = args.join(" ").includes("--role worker");
  // One process unless a suite asks for more (workers.test.ts): the suites read one process's logs.
  const argv = args[0] === "start" && !args.includes("--workers") ? [...args, "--workers", "1"] : args;
  const child = spawn(process.execPath, [bin, ...argv], {
    cwd: repoRoot,
    env: { ...baseEnv(), ...env },
    stdio: "pipe",
  });
  const logs: LogLine[] = [];
  const waiters = new Set<() => void>();
  let stderr = "";
  let buffer = "";
  child.stdout?.on("data", (chunk: Buffer) => {
    buffer += chunk.toString();
    const lines = buffer.split("\n");
    buffer = lines.pop() ?? "";
    for (const line of lines) {
      if (!line.trim()) continue;
      try {
        logs.push(JSON.parse(line));
      } catch {
        logs.push({ level: 30, msg: line });
      }
    }
    for (const wake of waiters) wake();
  });
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
    for (const wake of waiters) wake();
  });
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  let hasExited = false;
  void exited.then(() => {
    hasExited = true;
    for (const wake of waiters) wake();
  });

  const waitForLog = (predicate: (line: LogLine) => boolean, timeoutMs = 20_000) =>
    new Promise<LogLine>((resolve, reject) => {
      const check = () => {
        const found = logs.find(predicate);
        if (found) return done(() => resolve(found));
        if (hasExited)
          return done(() =>
            reject(
              new Error(
                `Lumen exited before the expected log line.\n${stderr}\n${JSON.stringify(logs.slice(-5))}`,
              ),
            ),
          );
      };
      const timer = setTimeout(
        () =>
          done(() =>
            reject(
              new Error(`Timed out waiting for a log line.\n${stderr}\n${JSON.stringify(logs.slice(-5))}`),
            ),
          ),
        timeoutMs,
      );
      const done = (finish: () => void) => {
        clearTimeout(timer);
        waiters.delete(check);
        finish();
      };
      waiters.add(check);
      check();
    });

  // A worker serves no HTTP: it is up once its job runner is.
  const ready = await waitForLog(
    (l) =>
      worker
        ? l.msg.startsWith("Lumen worker is up")
        : typeof l.url === "string" && l.msg.startsWith("Lumen is up"),
    // Generous: CI machines run many suites at once, and a start under load can take a while.
    options.readyTimeoutMs ?? 180_000,
  );
  return {
    child,
    url: worker ? "" : `http://127.0.0.1:${ready.port}`,
    logs,
    stderr: () => stderr,
    waitForLog,
    exited,
    async stop(signal = "SIGTERM") {
      if (!hasExited) child.kill(signal);
      return exited;
    },
  };
}

/** Runs a one-shot CLI command (migrate, admin create, ...) to completion. */
export function runLumenCli(
  env: Record<string, string>,
  args: string[],
  stdin?: string,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bin, ...args], {
      cwd: repoRoot,
      env: { ...baseEnv(), ...env },
      stdio: "pipe",
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (c: Buffer) => {
      stdout += c;
    });
    child.stderr.on("data", (c: Buffer) => {
      stderr += c;
    });
    child.on("exit", (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin ?? "");
  });
}

/** Calls the running server's API with a key, as an integration would; JSON in and out. */
export async function callApi(
  lumen: { url: string },
  key: string,
  method: string,
  path: string,
  body?: unknown,
  // biome-ignore lint/suspicious/noExplicitAny: tests read whatever JSON the endpoint returns
): Promise<{ status: number; body: any }> {
  const response = await fetch(`${lumen.url}${path}`, {
    method,
    headers: { "x-auth-key": key, ...(body === undefined ? {} : { "content-type": "application/json" }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: response.status, body: await response.json() };
}
