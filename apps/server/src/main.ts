import {
  cliActor,
  createAdmin,
  createApiKey,
  createSecretBox,
  resealBotTokens,
  seedDemoCatalog,
} from "@lumen/core";
import { DataDirLockedError } from "@lumen/db";
import { parseCommandLine, usage } from "./cli/args.ts";
import { readPassword } from "./cli/read-password.ts";
import { ConfigError, lumenSecret } from "./config.ts";
import { createSecretRegistry } from "./log/secret-registry.ts";
import { decodeSecret } from "./master-key.ts";
import { loadDotEnv, openRuntime as openRuntimeWith } from "./open-runtime.ts";
import { type Role, startServer } from "./start-server.ts";

const roles: Role[] = ["all", "api", "worker"];

/** Shared with the last-resort error printer below, so a crash message hides secrets too. */
const secrets = createSecretRegistry();
const openRuntime = (options: { logToStderr?: boolean } = {}) => openRuntimeWith({ ...options, secrets });

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
      await startServer(await openRuntime(), role);
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
        const { created } = await seedDemoCatalog(runtime.core, cliActor);
        process.stdout.write(
          created.length
            ? `Added to the catalog: ${created.join(", ")}\n`
            : "The demo catalog is already there.\n",
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
      error instanceof DataDirLockedError ||
      (error as { name?: string })?.name === "LumenError";
    process.stderr.write(
      secrets.mask(
        known ? `${(error as Error).message}\n` : `Lumen failed: ${(error as Error)?.stack ?? error}\n`,
      ),
    );
    process.exit(1);
  },
);
