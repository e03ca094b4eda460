import { randomBytes } from "node:crypto";
import { type Database, referralAttributions, referralCodes } from "@lumen/db";
import { eq, sql } from "drizzle-orm";
import type { CoreContext } from "../shared/context.ts";

const alphabet = "abcdefghjkmnpqrstuvwxyz23456789";
const newCode = () => Array.from(randomBytes(8), (b) => alphabet[b % alphabet.length]).join("");

/** Every user can be a partner: their code is made the first time they ask for it. */
export async function getOrCreateReferralCode(db: Database, userId: string): Promise<string> {
  const [existing] = await db
    .select({ code: referralCodes.code })
    .from(referralCodes)
    .where(eq(referralCodes.userId, userId));
  if (existing) return existing.code;
  await db.insert(referralCodes).values({ userId, code: newCode() }).onConflictDoNothing();
  const [row] = await db
    .select({ code: referralCodes.code })
    .from(referralCodes)
    .where(eq(referralCodes.userId, userId));
  return row?.code ?? "";
}

export type Attribution = "attributed" | "unknown_code" | "self" | "not_first_visit" | "already_attributed";

/**
 * A /start ref_<code>: counts the click, and on the newcomer's first visit only attributes them
 * to the partner (first touch; never to themselves; a later link changes nothing).
 */
export async function attributeReferral(
  ctx: CoreContext,
  input: { userId: string; code: string; firstVisit: boolean },
): Promise<Attribution> {
  const [partner] = await ctx.db
    .update(referralCodes)
    .set({ clicks: sql`${referralCodes.clicks} + 1` })
    .where(eq(referralCodes.code, input.code.toLowerCase()))
    .returning({ userId: referralCodes.userId });
  if (!partner) return "unknown_code";
  if (partner.userId === input.userId) return "self";
  if (!input.firstVisit) return "not_first_visit";
  const inserted = await ctx.db
    .insert(referralAttributions)
    .values({ userId: input.userId, partnerUserId: partner.userId, createdAt: ctx.clock.now() })
    .onConflictDoNothing()
    .returning({ userId: referralAttributions.userId });
  return inserted.length ? "attributed" : "already_attributed";
}
