import pino, { type DestinationStream, type Logger } from "pino";
import { createPrettyDestination } from "./pretty-lines.ts";
import type { SecretRegistry } from "./secret-registry.ts";

export type LoggerOptions = {
  level: string;
  secrets: SecretRegistry;
  /** stdout by default; one-shot commands log to stderr (2); tests pass a stream to read. */
  fd?: 1 | 2;
  destination?: DestinationStream;
  /** json: one JSON object per line; pretty: readable lines (a terminal). */
  format?: "json" | "pretty";
};

/** LOG_FORMAT=auto: readable when a person watches the terminal, JSON lines for log collectors. */
export function resolveLogFormat(setting: "auto" | "json" | "pretty", fd: 1 | 2): "json" | "pretty" {
  if (setting !== "auto") return setting;
  return (fd === 1 ? process.stdout : process.stderr).isTTY ? "pretty" : "json";
}

/**
 * JSON logs (one line per event) with secrets redacted wherever they might appear: by key
 * (headers that carry credentials, fields named like a password or token) and by value (every
 * secret in the registry, masked in the finished line, so nested error messages are covered).
 */
export function createLogger(options: LoggerOptions): Logger {
  const fd = options.fd ?? 1;
  return pino(
    {
      level: options.level,
      redact: {
        paths: [
          "req.headers.authorization",
          "req.headers.cookie",
          'req.headers["x-auth-key"]',
          'req.headers["x-telegram-bot-api-secret-token"]',
          'req.headers["x-telegram-init-data"]',
          'res.headers["set-cookie"]',
          "*.password",
          "*.token",
          "*.key",
          "*.secret",
        ],
        censor: "[redacted]",
      },
      hooks: { streamWrite: (line) => options.secrets.mask(line) },
    },
    // Synchronous: a line is in the pipe before the next statement runs, so a crash or kill
    // loses none, and an exit cannot let a pending asynchronous write land after a later line.
    options.destination ??
      (options.format === "pretty"
        ? createPrettyDestination(fd, (fd === 1 ? process.stdout : process.stderr).isTTY === true)
        : pino.destination({ fd, sync: true })),
  );
}
