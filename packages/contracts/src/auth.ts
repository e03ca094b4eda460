import { z } from "zod";
import { adminRole, timestamp } from "./common.ts";

export const loginRequest = z.object({
  email: z.email(),
  password: z.string().min(1).max(1024),
});

export const operator = z
  .object({ id: z.uuid(), email: z.string(), role: adminRole })
  .meta({ id: "Operator" });

export const meResponse = z.object({
  kind: z.enum(["admin", "api_key"]),
  id: z.uuid(),
  name: z.string(),
  role: adminRole,
  telegram_user_id: z
    .number()
    .int()
    .nullable()
    .describe("The operator's linked Telegram account; always null for an API key"),
});

export const telegramLinkCode = z
  .object({
    code: z.string().describe("Send `/start op_<code>` to any of the bots below; valid until expires_at"),
    expires_at: timestamp,
    links: z.array(z.object({ bot_username: z.string(), url: z.url() })),
  })
  .meta({ id: "TelegramLinkCode" });

export const loginResponse = z.object({ operator, expires_at: timestamp });

export const createApiKeyRequest = z.object({
  name: z.string().trim().min(1).max(100),
  role: adminRole,
  expires_at: timestamp.optional(),
});

export const apiKey = z
  .object({
    id: z.uuid(),
    name: z.string(),
    role: adminRole,
    prefix: z.string(),
    expires_at: timestamp.nullable(),
    revoked_at: timestamp.nullable(),
    last_used_at: timestamp.nullable(),
    created_at: timestamp,
  })
  .meta({ id: "ApiKey" });

export const createdApiKey = z.object({
  id: z.uuid(),
  name: z.string(),
  role: adminRole,
  prefix: z.string(),
  expires_at: timestamp.nullable(),
  created_at: timestamp,
  key: z.string().describe("The secret key. Shown only once: store it now."),
});
