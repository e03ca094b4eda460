import { type SubscriptionRow, subscriptions, type UserRow } from "@lumen/db";
import { eq } from "drizzle-orm";
import type { CoreContext } from "../shared/context.ts";
import { getUser } from "../users/get-user.ts";

export type AccessNotice = { botId: string; user: UserRow; subscription: SubscriptionRow };

/**
 * What a queued "ends soon" or "has ended" message needs, or null when it no longer applies:
 * the plan is gone, has no bot to speak through, or (for a reminder) was renewed since, so its
 * end date moved and the reminder would name the wrong day.
 */
export async function readAccessNotice(
  ctx: CoreContext,
  input: { subscriptionId: string; endsAt: string; requireSameEnd: boolean },
): Promise<AccessNotice | null> {
  const [subscription] = await ctx.db
    .select()
    .from(subscriptions)
    .where(eq(subscriptions.id, input.subscriptionId));
  if (!subscription?.botId) return null;
  if (input.requireSameEnd && subscription.endsAt.getTime() !== new Date(input.endsAt).getTime()) return null;
  return { botId: subscription.botId, user: await getUser(ctx.db, subscription.userId), subscription };
}
