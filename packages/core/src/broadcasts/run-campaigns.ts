import { randomBytes } from "node:crypto";
import { botBlocks, type CampaignSettingsRow, campaignSends } from "@lumen/db";
import { eq } from "drizzle-orm";
import { createPromo } from "../promos/manage-promos.ts";
import { type CoreContext, systemActor } from "../shared/context.ts";
import { type Candidate, findCampaignCandidates } from "./campaign-candidates.ts";
import { enabledCampaigns } from "./campaign-settings.ts";
import { pickLanguage } from "./render-message.ts";
import type { BroadcastSender } from "./sender-port.ts";

const escapeHtml = (value: string) =>
  value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const WINBACK_VALID_DAYS = 14;

/** Claims one occasion (a unique row) before anything is sent; null when another worker has it. */
async function claim(ctx: CoreContext, setting: CampaignSettingsRow, candidate: Candidate) {
  const [row] = await ctx.db
    .insert(campaignSends)
    .values({
      botId: setting.botId,
      kind: setting.kind,
      occasion: candidate.occasion,
      userId: candidate.userId,
      claimedAt: ctx.clock.now(),
    })
    .onConflictDoNothing()
    .returning({ id: campaignSends.id });
  return row?.id ?? null;
}

/** A personal one-time code for the win-back, made through the promos domain's own verb. */
async function personalPromo(ctx: CoreContext, setting: CampaignSettingsRow): Promise<string> {
  const code = `BACK${randomBytes(5).toString("hex").toUpperCase()}`;
  const now = ctx.clock.now();
  await createPromo(ctx, systemActor, {
    code,
    kind: "percent_off",
    value: setting.percentOff ?? 20,
    maxUses: 1,
    oncePerUser: true,
    validFrom: now,
    validTo: new Date(now.getTime() + WINBACK_VALID_DAYS * 86_400_000),
  });
  return code;
}

export type CampaignRunResult = { sent: number; failed: number; blocked: number; throttled: boolean };

/**
 * One pass of every enabled campaign: find who is due, claim each occasion, send at most `perSecond`
 * messages a second. A claim is never given back once the message may have gone (at most once);
 * a 429 ends the pass with that claim released, so the next pass (a minute later) tries again.
 */
export async function runCampaigns(
  ctx: CoreContext,
  sender: BroadcastSender,
  options: { perSecond?: number; wait?: (ms: number) => Promise<void> } = {},
): Promise<CampaignRunResult> {
  const interval = 1000 / (options.perSecond ?? 25);
  const wait = options.wait ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const result: CampaignRunResult = { sent: 0, failed: 0, blocked: 0, throttled: false };
  let next = Date.now();
  for (const setting of await enabledCampaigns(ctx)) {
    for (const candidate of await findCampaignCandidates(ctx, setting)) {
      const pause = next - Date.now();
      if (pause > 0) await wait(pause);
      next = Math.max(Date.now(), next) + interval;
      const id = await claim(ctx, setting, candidate);
      if (!id) continue;
      const promoCode = setting.kind === "winback" ? await personalPromo(ctx, setting) : null;
      const language = pickLanguage(
        { texts: setting.texts, fallbackLanguage: "en", buttons: [] },
        candidate.language,
      );
      const text = (setting.texts[language] ?? "")
        .replaceAll("{first_name}", escapeHtml(candidate.firstName))
        .replaceAll("{promo_code}", promoCode ?? "");
      const outcome = await sender.send(setting.botId, {
        broadcastId: "",
        chatId: candidate.telegramId,
        text,
        buttons: [],
        allowPaidBroadcast: false,
      });
      const now = ctx.clock.now();
      if (outcome.kind === "throttled") {
        await ctx.db.delete(campaignSends).where(eq(campaignSends.id, id));
        result.throttled = true;
        return result;
      }
      if (outcome.kind === "sent") {
        await ctx.db
          .update(campaignSends)
          .set({ status: "sent", sentAt: now, promoCode })
          .where(eq(campaignSends.id, id));
        result.sent++;
        continue;
      }
      await ctx.db
        .update(campaignSends)
        .set({
          status: outcome.kind === "blocked" ? "blocked" : "failed",
          error: outcome.reason.slice(0, 300),
          promoCode,
        })
        .where(eq(campaignSends.id, id));
      if (outcome.kind === "blocked") {
        result.blocked++;
        await ctx.db
          .insert(botBlocks)
          .values({ botId: setting.botId, userId: candidate.userId, blockedAt: now })
          .onConflictDoUpdate({ target: [botBlocks.botId, botBlocks.userId], set: { blockedAt: now } });
      } else result.failed++;
    }
  }
  return result;
}
