import cluster, { type Worker } from "node:cluster";
import type { Logger } from "pino";
import type { Role } from "../start-server.ts";
import { oneProcessNote } from "./plan-processes.ts";
import { type ClusterMessage, clusterEnv } from "./worker-link.ts";

export type PrimaryOptions = {
  processes: number;
  role: Role;
  logger: Logger;
  /** SHUTDOWN_TIMEOUT_MS: each worker gives up after it; the primary waits this much longer. */
  shutdownTimeoutMs: number;
};

/**
 * The `--workers` primary: it loads no application code and opens no database, so it stays
 * small. Slot 0 starts first (it migrates, runs the given role: jobs and long polling live in
 * exactly one process, and may run the playground, which then stays alone); once it is up the
 * others start as `api` with its setup code. The primary passes bot reloads from any worker to
 * slot 0, replaces a worker that dies after it was up, and on SIGTERM/SIGINT stops them all and
 * exits once every one has stopped (0 when all stopped cleanly). A worker that fails to start
 * stops the whole program: restarting it would loop.
 */
export function runPrimary(options: PrimaryOptions): void {
  const { logger } = options;
  const slots = new Map<number, Worker>();
  const ready = new Set<number>();
  let planned = options.processes;
  let setupCode: string | undefined;
  let announced = false;
  let stopping = false;
  let failed = false;

  const stopAll = (reason: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ reason }, "stopping every worker");
    for (const worker of slots.values()) worker.process.kill("SIGTERM");
    const timer = setTimeout(() => {
      logger.error("workers took too long to stop; exiting");
      for (const worker of slots.values()) worker.process.kill("SIGKILL");
      process.exit(1);
    }, options.shutdownTimeoutMs + 5_000);
    timer.unref();
    if (slots.size === 0) process.exit(failed ? 1 : 0);
  };

  const onReady = (slot: number, message: Extract<ClusterMessage, { type: "lumen:ready" }>) => {
    ready.add(slot);
    if (slot === 0 && !announced && slots.size === 1) {
      setupCode = message.setupCode;
      if (message.playground) {
        planned = 1;
        logger.info(
          oneProcessNote(options.processes, "the playground's Telegram emulator runs inside one process"),
        );
      }
      for (let next = 1; next < planned; next++) fork(next);
    }
    if (!announced && ready.size === planned) {
      announced = true;
      const pids = [...slots.values()].map((w) => w.process.pid);
      logger.info({ processes: planned, pids }, `Lumen runs ${planned} processes`);
    }
  };

  const fork = (slot: number) => {
    const worker = cluster.fork({
      [clusterEnv.role]: slot === 0 ? options.role : "api",
      [clusterEnv.slot]: String(slot),
      [clusterEnv.setupCode]: setupCode ?? "",
    });
    slots.set(slot, worker);
    worker.on("message", (message: ClusterMessage) => {
      if (message?.type === "lumen:reload-bot") slots.get(0)?.send(message);
      if (message?.type === "lumen:ready") onReady(slot, message);
    });
    worker.on("exit", (code, signal) => {
      slots.delete(slot);
      if (stopping) {
        if (code !== 0) failed = true;
        if (slots.size === 0) {
          logger.info({ failed }, failed ? "workers stopped, not all cleanly" : "stopped cleanly");
          process.exit(failed ? 1 : 0);
        }
        return;
      }
      if (!ready.has(slot)) {
        failed = true;
        logger.error({ slot, code, signal }, "a worker failed to start");
        return stopAll("a worker failed to start");
      }
      ready.delete(slot);
      logger.error({ slot, code, signal }, "a worker exited; starting another");
      fork(slot);
    });
  };

  // `on`, not `once`: under `npm start` the signal can arrive twice (see start-server.ts).
  process.on("SIGTERM", () => stopAll("SIGTERM"));
  process.on("SIGINT", () => stopAll("SIGINT"));
  fork(0);
}
