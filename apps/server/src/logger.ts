import pino, { type Logger } from "pino";

/**
 * JSON logs (one line per event) with secrets redacted wherever they might appear:
 * headers that carry credentials, and any field named like a password or token.
 */
export function createLogger(level: string, fd: 1 | 2 = 1): Logger {
  return pino(
    {
      level,
      redact: {
        paths: [
          "req.headers.authorization",
          "req.headers.cookie",
          'req.headers["x-auth-key"]',
          'req.headers["x-telegram-bot-api-secret-token"]',
          'res.headers["set-cookie"]',
          "*.password",
          "*.token",
          "*.key",
          "*.secret",
        ],
        censor: "[redacted]",
      },
    },
    pino.destination({ fd, sync: fd === 2 }),
  );
}
