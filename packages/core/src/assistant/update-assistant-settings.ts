import { assistantSettings } from "@lumen/db";
import { recordAudit } from "../audit/record-audit.ts";
import { requireRole } from "../auth/roles.ts";
import type { Actor, CoreContext } from "../shared/context.ts";
import { validationFailed } from "../shared/errors.ts";
import { type AssistantConfig, answerStyles } from "./assistant-config.ts";

/** Only models from the allowed list and known styles: the price of a question depends on the model. */
export async function updateAssistantSettings(
  ctx: CoreContext,
  config: AssistantConfig,
  /** `actor`: an operator changing a user's settings (admin only, audited); absent for the user's own. */
  input: { userId: string; model?: string; style?: string; actor?: Actor },
): Promise<void> {
  if (input.actor) requireRole(input.actor, "admin");
  if (input.model !== undefined && !config.models.some((m) => m.id === input.model)) {
    throw validationFailed(
      "model",
      `Model ${input.model} is not offered; choose one of ${config.models.map((m) => m.id).join(", ")}`,
    );
  }
  if (input.style !== undefined && !(answerStyles as readonly string[]).includes(input.style)) {
    throw validationFailed("style", `Style must be one of ${answerStyles.join(", ")}`);
  }
  const now = ctx.clock.now();
  const changes = {
    ...(input.model === undefined ? {} : { model: input.model }),
    ...(input.style === undefined ? {} : { style: input.style }),
    updatedAt: now,
  };
  const actor = input.actor;
  await ctx.db.transaction(async (tx) => {
    await tx
      .insert(assistantSettings)
      .values({ userId: input.userId, ...changes, conversationStartedAt: new Date(0) })
      .onConflictDoUpdate({ target: assistantSettings.userId, set: changes });
    if (actor)
      await recordAudit(tx, actor, {
        action: "user.assistant_settings",
        entityType: "user",
        entityId: input.userId,
        data: { model: input.model, style: input.style },
      });
  });
}
