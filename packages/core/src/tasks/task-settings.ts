import { type TaskSettingsRow, taskSettings } from "@lumen/db";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { recordAudit } from "../audit/record-audit.ts";
import { requireRole } from "../auth/roles.ts";
import { isValidTimezone } from "../courses/zoned-time.ts";
import type { Actor, CoreContext } from "../shared/context.ts";
import { parseInput } from "../shared/parse-input.ts";

const input = z.object({
  botId: z.uuid(),
  workChatId: z.number().int().nullable().optional(),
  untakenAlertMinutes: z.number().int().min(1).max(100_000).optional(),
  reminderMinutesBefore: z.number().int().min(1).max(100_000).optional(),
  timezone: z
    .string()
    .trim()
    .refine(isValidTimezone, "is not a time zone (an IANA name such as Europe/Moscow)")
    .optional(),
});

/** A bot's task settings; defaults when none were saved. */
export async function getTaskSettings(ctx: CoreContext, botId: string): Promise<TaskSettingsRow> {
  const [row] = await ctx.db.select().from(taskSettings).where(eq(taskSettings.botId, botId));
  return row ?? defaultsFor(botId);
}

const defaultsFor = (botId: string): TaskSettingsRow => ({
  botId,
  workChatId: null,
  untakenAlertMinutes: 60,
  reminderMinutesBefore: 60,
  timezone: "UTC",
  updatedAt: new Date(0),
});

/**
 * Where a bot's new tasks go (the assistants' group) and when to warn about them. A field left
 * out keeps what was saved (or the default), so changing the work chat never resets the alerts.
 */
export async function setTaskSettings(
  ctx: CoreContext,
  actor: Actor,
  raw: z.input<typeof input>,
): Promise<TaskSettingsRow> {
  requireRole(actor, "admin");
  const data = parseInput(input, raw);
  return ctx.db.transaction(async (tx) => {
    const [saved] = await tx
      .select()
      .from(taskSettings)
      .where(eq(taskSettings.botId, data.botId))
      .for("update");
    const current = saved ?? defaultsFor(data.botId);
    const values = {
      botId: data.botId,
      workChatId: data.workChatId === undefined ? current.workChatId : data.workChatId,
      untakenAlertMinutes: data.untakenAlertMinutes ?? current.untakenAlertMinutes,
      reminderMinutesBefore: data.reminderMinutesBefore ?? current.reminderMinutesBefore,
      timezone: data.timezone ?? current.timezone,
      updatedAt: ctx.clock.now(),
    };
    const [row] = await tx
      .insert(taskSettings)
      .values(values)
      .onConflictDoUpdate({ target: taskSettings.botId, set: values })
      .returning();
    await recordAudit(tx, actor, {
      action: "tasks.settings_set",
      entityType: "bot",
      entityId: data.botId,
      data,
    });
    return row as TaskSettingsRow;
  });
}
