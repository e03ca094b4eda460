import cluster from "node:cluster";
import type { Role } from "../start-server.ts";

/** What the primary tells a worker it forks (environment), and what they say over IPC. */
export const clusterEnv = {
  role: "LUMEN_CLUSTER_ROLE",
  slot: "LUMEN_CLUSTER_SLOT",
  setupCode: "LUMEN_SETUP_CODE",
};

export type ClusterMessage =
  /** Up and serving; the first worker also says whether it runs the playground and the setup code. */
  | { type: "lumen:ready"; playground: boolean; setupCode: string | undefined }
  /** A bot was added, changed, switched on or off in a process that does not poll: the poller reloads it. */
  | { type: "lumen:reload-bot"; botId: string };

export type WorkerLink = {
  role: Role;
  /** 0 is the one that runs jobs and long-polls the bots; the others serve HTTP and webhooks. */
  slot: number;
  /** The first-run setup code the first worker made, so every later one accepts the same code. */
  setupCode: string | undefined;
  ready(info: { playground: boolean; setupCode: string | undefined }): void;
  /** From a non-polling worker: asks the polling one (through the primary) to reload a bot. */
  reloadBotElsewhere(botId: string): void;
  /** In the polling worker: what to do when another worker changed a bot. */
  onReloadBot(handler: (botId: string) => void): void;
};

/** This process's place in a `--workers` cluster; undefined when it is not a cluster worker. */
export function clusterWorkerLink(env: NodeJS.ProcessEnv = process.env): WorkerLink | undefined {
  if (!cluster.isWorker) return undefined;
  const send = (message: ClusterMessage) => process.send?.(message);
  return {
    role: env[clusterEnv.role] as Role,
    slot: Number(env[clusterEnv.slot]),
    setupCode: env[clusterEnv.setupCode] || undefined,
    ready: (info) => send({ type: "lumen:ready", ...info }),
    reloadBotElsewhere: (botId) => send({ type: "lumen:reload-bot", botId }),
    onReloadBot(handler) {
      process.on("message", (message: ClusterMessage) => {
        if (message?.type === "lumen:reload-bot") handler(message.botId);
      });
    },
  };
}
