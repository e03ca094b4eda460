import { resolve } from "node:path";
import {
  type CoreContext,
  createAdjustableClock,
  createSecretBox,
  deriveKey,
  type SecretBox,
  systemClock,
} from "@lumen/core";
import { type DatabaseHandle, type DataDirLock, lockDataDir, migrateDatabase, openDatabase } from "@lumen/db";
import type { Logger } from "pino";
import { type Config, mayRunPlayground, parseConfig } from "./config.ts";
import { createJobOutbox, type JobOutbox } from "./jobs/outbox.ts";
import { createLogger, resolveLogFormat } from "./log/logger.ts";
import { addConfigSecrets, createSecretRegistry, type SecretRegistry } from "./log/secret-registry.ts";
import { loadMasterKey } from "./master-key.ts";

export type Runtime = {
  config: Config;
  logger: Logger;
  /** How the logs are written; the start banner is printed only for a person (pretty). */
  logFormat: "json" | "pretty";
  /** Secret values masked in every log line; the bot runtime adds tokens as it decrypts them. */
  secrets: SecretRegistry;
  database: DatabaseHandle;
  core: CoreContext;
  /** The core's outbox; attached to pg-boss when the job runner starts. */
  outbox: JobOutbox;
  secretBox: SecretBox;
  sessionKey: Uint8Array;
  buyerSessionKey: Uint8Array;
  /** Movable only with LUMEN_TEST_CONTROLS; the system clock otherwise. */
  clock: ReturnType<typeof createAdjustableClock> | undefined;
  /** The core's clock when it can be moved: by test controls, or by the playground's time travel. */
  movableClock: ReturnType<typeof createAdjustableClock> | undefined;
  close(): Promise<void>;
};

/**
 * What every command needs: config, logger, the database (locked, opened, migrated) and keys.
 * A failed migration throws, and main exits non-zero.
 */
export async function openRuntime(
  options: { logToStderr?: boolean; secrets?: SecretRegistry } = {},
  env: NodeJS.ProcessEnv = process.env,
): Promise<Runtime> {
  const config = parseConfig(env);
  const secrets = options.secrets ?? createSecretRegistry();
  addConfigSecrets(secrets, config);
  // One-shot commands print their result on stdout, so their logs go to stderr.
  const fd = options.logToStderr ? 2 : 1;
  const format = resolveLogFormat(config.LOG_FORMAT, fd);
  const logger = createLogger({ level: config.LOG_LEVEL, secrets, fd, format });
  let lock: DataDirLock | undefined;
  if (!config.DATABASE_URL) lock = await lockDataDir(config.DATA_DIR);
  try {
    const masterKey = loadMasterKey(config, logger);
    secrets.add(masterKey.toString("hex"));
    const database = config.DATABASE_URL
      ? await openDatabase({
          driver: "postgres",
          url: config.DATABASE_URL,
          poolSize: config.DATABASE_POOL_SIZE,
        })
      : await openDatabase({ driver: "pglite", dataDir: resolve(config.DATA_DIR, "pglite") });
    await migrateDatabase(database);
    logger.info({ driver: database.driver }, "database ready, migrations applied");
    // Never in production (the config refuses both there): the playground may skip days ahead.
    const movableClock =
      config.LUMEN_TEST_CONTROLS || mayRunPlayground(config) ? createAdjustableClock() : undefined;
    const clock = config.LUMEN_TEST_CONTROLS ? movableClock : undefined;
    if (clock) logger.warn("LUMEN_TEST_CONTROLS is on: the clock can be moved over HTTP (tests only)");
    const outbox = createJobOutbox();
    return {
      config,
      logger,
      logFormat: format,
      secrets,
      database,
      core: { db: database.db, clock: movableClock ?? systemClock, outbox },
      outbox,
      clock,
      movableClock,
      secretBox: createSecretBox(masterKey),
      sessionKey: deriveKey(masterKey, "session-jwt"),
      buyerSessionKey: deriveKey(masterKey, "buyer-session-jwt"),
      async close() {
        await database.close();
        await lock?.release();
      },
    };
  } catch (error) {
    await lock?.release();
    throw error;
  }
}
