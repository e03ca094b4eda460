import { z } from "zod";
import { boundedInt, limits, timestamp } from "./common.ts";

export const plan = z
  .object({
    id: z.uuid(),
    plan_code: z.string(),
    title: z.string(),
    ends_at: timestamp,
    messages_per_period: z.number().int().nullable(),
    messages_left_this_period: z.number().int(),
  })
  .meta({ id: "Plan" });

export const creditsResponse = z.object({
  balance: z.number().int(),
  trial_messages_left: z.number().int(),
  trial_used: z.boolean(),
  trial_expires_at: timestamp.nullable(),
  plan: plan.nullable(),
  model: z.string(),
  can_ask: z.boolean(),
});

export const creditAdjustmentRequest = z.object({
  amount: boundedInt(-limits.credits, limits.credits).refine((n) => n !== 0, "must not be zero"),
  reason: z.string().trim().min(1).max(500),
  idempotency_key: z.string().trim().min(1).max(200),
});

export const creditEntry = z
  .object({
    id: z.number().int(),
    user_id: z.uuid(),
    delta: z.number().int(),
    reason: z.string(),
    balance_after: z.number().int(),
    idempotency_key: z.string(),
    created_at: timestamp,
  })
  .meta({ id: "CreditEntry" });

export const trialResponse = z.object({
  messages_granted: z.number().int(),
  messages_left: z.number().int(),
  started_at: timestamp,
  expires_at: timestamp.nullable(),
});

export const askRequest = z.object({
  user_id: z.uuid(),
  text: z.string().trim().min(1).max(16_000),
});

export const askResponse = z.object({
  message_id: z.uuid(),
  answer: z.string(),
  model: z.string(),
  charged_from: z.enum(["plan", "trial", "credits"]),
  prompt_tokens: z.number().int(),
  completion_tokens: z.number().int(),
});

export const messageLogEntry = z
  .object({
    id: z.uuid(),
    channel: z.enum(["bot", "api", "app"]),
    question: z.string(),
    answer: z.string().nullable(),
    model: z.string(),
    prompt_tokens: z.number().int().nullable(),
    completion_tokens: z.number().int().nullable(),
    latency_ms: z.number().int().nullable(),
    cost_credits: z.number().int(),
    charged_from: z.enum(["plan", "trial", "credits"]),
    status: z.enum(["pending", "delivered", "failed"]),
    error: z.string().nullable(),
    created_at: timestamp,
    completed_at: timestamp.nullable(),
  })
  .meta({ id: "MessageLogEntry" });

export const listMessagesQuery = z.object({
  before: timestamp.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
