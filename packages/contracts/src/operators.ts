import { z } from "zod";
import { adminRole, timestamp } from "./common.ts";

/** An operator account as the owner sees it on the Operators page. */
export const operatorAccount = z
  .object({
    id: z.uuid(),
    email: z.string(),
    role: adminRole,
    disabled_at: timestamp.nullable(),
    last_login_at: timestamp.nullable(),
    created_at: timestamp,
    telegram_user_id: z.number().int().nullable().describe("The linked Telegram account, if any"),
    active_sessions: z.number().int().describe("Sessions that would let this operator in right now"),
  })
  .meta({ id: "OperatorAccount" });

export const inviteOperatorRequest = z.object({
  email: z.email().max(254),
  role: adminRole,
});

export const operatorWithPassword = z.object({
  operator: operatorAccount,
  temporary_password: z
    .string()
    .describe("Shown only in this response: hand it to the operator, who changes it after signing in"),
});

export const updateOperatorRequest = z
  .object({
    role: adminRole.optional(),
    disabled: z.boolean().optional().describe("true ends every session at once and refuses sign-in"),
  })
  .refine((body) => body.role !== undefined || body.disabled !== undefined, "send role or disabled");

export const revokedSessions = z.object({ operator: operatorAccount, sessions_ended: z.number().int() });

export const changePasswordRequest = z.object({
  current_password: z.string().min(1).max(1024),
  new_password: z.string().min(10, "must be at least 10 characters").max(1024),
});
