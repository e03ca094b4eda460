import { type ChildProcess, spawn } from "node:child_process";
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";

const bin = fileURLToPath(new URL("../../apps/server/bin/lumen.mjs", import.meta.url));
const repoRoot = fileURLToPath(new URL("../../", import.meta.url));

export type LumenServer = { url: string; pid: number; stop(): Promise<void> };

const childEnv = (env: Record<string, string>) => ({
  PATH: process.env.PATH ?? "",
  HOME: process.env.HOME ?? "/tmp",
  // The benchmark brings its own emulator and bot; no playground beside them.
  PLAYGROUND: "false",
  ...env,
});

/** Keeps the last few KiB of a stream, so a failure can say why without holding the whole log. */
function tail(stream: NodeJS.ReadableStream | null): () => string {
  let text = "";
  stream?.on("data", (chunk: Buffer) => {
    text = (text + chunk.toString()).slice(-4000);
  });
  return () => text;
}

/** A port nobody listens on now, e.g. for a PUBLIC_URL known before the server starts. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => (typeof address === "object" && address ? resolve(address.port) : reject()));
    });
  });
}

/** `lumen api-key create`: also migrates the fresh database, so it runs before the server starts. */
export async function createApiKey(env: Record<string, string>, role = "admin"): Promise<string> {
  const child = spawn(process.execPath, [bin, "api-key", "create", "--name", "bench", "--key-role", role], {
    cwd: repoRoot,
    env: childEnv(env),
    stdio: ["ignore", "pipe", "pipe"],
  });
  const out = tail(child.stdout);
  const err = tail(child.stderr);
  const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
  const key = out().trim().split("\n").at(-1) ?? "";
  if (code !== 0 || !key) throw new Error(`lumen api-key create failed (exit ${code}):\n${err()}`);
  return key;
}

/** BENCH_START_TIMEOUT (s): a machine shared with other sessions can take over a minute to start. */
const startTimeoutSeconds = Number(process.env.BENCH_START_TIMEOUT) || 120;

async function waitUntilHealthy(url: string, child: ChildProcess, logs: () => string): Promise<void> {
  const deadline = Date.now() + startTimeoutSeconds * 1000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`Lumen exited with ${child.exitCode}:\n${logs()}`);
    const healthy = await fetch(`${url}/api/health`).then(
      (response) => response.ok,
      () => false,
    );
    if (healthy) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`Lumen did not become healthy within ${startTimeoutSeconds} s:\n${logs()}`);
}

/**
 * The real server as `npm start` runs it. The test helper waits for the "Lumen is up" info
 * line, which LOG_LEVEL=warn (needed so request logging does not skew the figures) hides;
 * so this one picks the port itself and polls /api/health instead.
 */
export async function startLumenServer(env: Record<string, string>, port?: number): Promise<LumenServer> {
  port ??= await freePort();
  const child = spawn(process.execPath, [bin, "start"], {
    cwd: repoRoot,
    env: childEnv({ ...env, HOST: "127.0.0.1", PORT: String(port) }),
    stdio: ["ignore", "pipe", "pipe"],
  });
  const stdout = tail(child.stdout);
  const stderr = tail(child.stderr);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill("SIGTERM");
    const killer = setTimeout(() => child.kill("SIGKILL"), 15_000);
    await exited;
    clearTimeout(killer);
  };
  try {
    await waitUntilHealthy(url, child, () => `${stderr()}\n${stdout()}`);
  } catch (error) {
    await stop();
    throw error;
  }
  if (child.pid === undefined) throw new Error("Lumen has no pid");
  return { url, pid: child.pid, stop };
}
