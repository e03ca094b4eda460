import { parseCommandLine, usage } from "./cli/args.ts";
import { readPassword } from "./cli/read-password.ts";
import { parseWorkers, planProcesses } from "./cluster/plan-processes.ts";
import { clusterWorkerLink } from "./cluster/worker-link.ts";
import { ConfigError, loadDotEnv, lumenSecret, parseConfig } from "./config.ts";
import { createLogger, resolveLogFormat } from "./log/logger.ts";
import { addConfigSecrets, createSecretRegistry } from "./log/secret-registry.ts";
import type { Role } from "./start-server.ts";

// The application (core, database, HTTP, bots) is imported where a command needs it: a
// `--workers` primary never loads it, so it stays a few tens of MB and starts the workers at once.
const loadCore = () => import("@lumen/core");

const roles: Role[] = ["all", "api", "worker"];

/** Shared with the last-resort error printer below, so a crash message hides secrets too. */
const secrets = createSecretRegistry();
const openRuntime = async (options: { logToStderr?: boolean } = {}) =>
  (await import("./open-runtime.ts")).openRuntime({ ...options, secrets });

/** The one wiring file: parses the command line and runs the command with real dependencies. */
async function main(argv: string[]): Promise<number> {
  const { command, values } = parseCommandLine(argv);
  if (values.help || !command) {
    process.stdout.write(usage);
    return values.help ? 0 : 1;
  }
  loadDotEnv();
  switch (command) {
    case "start": {
      const role = values.role as Role;
      if (!roles.includes(role)) throw new ConfigError(`--role must be one of ${roles.join(", ")}`);
      const workers = parseWorkers(values.workers);
      if (Number.isNaN(workers)) throw new ConfigError("--workers must be a whole number from 1 to 64");
      const link = clusterWorkerLink();
      if (link) {
        const { startServer } = await import("./start-server.ts");
        await startServer(await openRuntime(), link.role, link);
        return -1;
      }
      const config = parseConfig(process.env);
      const plan = planProcesses({
        asked: workers,
        driver: config.DATABASE_URL ? "postgres" : "pglite",
        role,
      });
      if (plan.processes === 1) {
        const runtime = await openRuntime();
        if (plan.note) runtime.logger.info(plan.note);
        await (await import("./start-server.ts")).startServer(runtime, role);
        return -1;
      }
      addConfigSecrets(secrets, config);
      const logger = createLogger({
        level: config.LOG_LEVEL,
        secrets,
        fd: 1,
        format: resolveLogFormat(config.LOG_FORMAT, 1),
      });
      const { runPrimary } = await import("./cluster/run-primary.ts");
      runPrimary({ processes: plan.processes, role, logger, shutdownTimeoutMs: config.SHUTDOWN_TIMEOUT_MS });
      return -1;
    }
    case "migrate": {
      const runtime = await openRuntime({ logToStderr: true });
      await runtime.close();
      return 0;
    }
    case "admin create": {
      if (!values.email) throw new ConfigError("admin create needs --email");
      const password = await readPassword(values["password-stdin"] ?? false);
      const runtime = await openRuntime({ logToStderr: true });
      try {
        const { createAdmin, cliActor } = await loadCore();
        const admin = await createAdmin(runtime.core, cliActor, {
          email: values.email,
          password,
          role: (values["admin-role"] ?? "owner") as "owner",
        });
        process.stdout.write(`Created ${admin.role} ${admin.email} (${admin.id})\n`);
      } finally {
        await runtime.close();
      }
      return 0;
    }
    case "api-key create": {
      if (!values.name) throw new ConfigError("api-key create needs --name");
      const runtime = await openRuntime({ logToStderr: true });
      try {
        const { createApiKey, cliActor } = await loadCore();
        const key = await createApiKey(runtime.core, cliActor, {
          name: values.name,
          role: (values["key-role"] ?? "admin") as "admin",
        });
        process.stdout.write(`${key.key}\n`);
        process.stderr.write(
          `Created ${key.role} API key "${key.name}" (${key.id}). It is shown only this once.\n`,
        );
      } finally {
        await runtime.close();
      }
      return 0;
    }
    case "demo": {
      const runtime = await openRuntime({ logToStderr: true });
      try {
        const { seedDemoData, cliActor } = await loadCore();
        const { created } = await seedDemoData(runtime.core, cliActor);
        process.stdout.write(
          created.length
            ? `Added the demo data: ${created.join(", ")}\n`
            : "The demo data is already there.\n",
        );
      } finally {
        await runtime.close();
      }
      return 0;
    }
    case "secret rotate": {
      const fresh = lumenSecret.safeParse((await readPassword(true)).trim());
      if (!fresh.success)
        throw new ConfigError("secret rotate: the new key on stdin must be 32 bytes as hex or base64");
      const runtime = await openRuntime({ logToStderr: true });
      try {
        if (!runtime.config.LUMEN_SECRET)
          throw new ConfigError(
            "secret rotate needs the current key in LUMEN_SECRET (see DATA_DIR/lumen-secret.key)",
          );
        const { createSecretBox, resealBotTokens, cliActor } = await loadCore();
        const { decodeSecret } = await import("./master-key.ts");
        const to = createSecretBox(decodeSecret(fresh.data));
        const { resealed } = await resealBotTokens(runtime.core, cliActor, { from: runtime.secretBox, to });
        process.stdout.write(
          `Re-encrypted ${resealed} bot token(s) under the new key. Set LUMEN_SECRET to it and restart every Lumen process; operators log in again.\n`,
        );
      } finally {
        await runtime.close();
      }
      return 0;
    }
    default:
      process.stderr.write(`Unknown command: ${command}\n\n${usage}`);
      return 1;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exit(code);
  },
  (error: unknown) => {
    const known =
      error instanceof ConfigError ||
      (error as { name?: string })?.name === "DataDirLockedError" ||
      (error as { name?: string })?.name === "LumenError";
    process.stderr.write(
      secrets.mask(
        known ? `${(error as Error).message}\n` : `Lumen failed: ${(error as Error)?.stack ?? error}\n`,
      ),
    );
    process.exit(1);
  },
);
