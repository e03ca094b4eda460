import type { CoreContext } from "../shared/context.ts";
import { type DrillLink, drill } from "./drill-link.ts";
import { type AttentionFlag, readAttentionFlags } from "./read-attention-flags.ts";
import { type Audience, readAudience } from "./read-audience.ts";
import { type Revenue, readRevenue } from "./read-revenue.ts";
import { readSubscriptionFigures, type SubscriptionFigures } from "./read-subscription-figures.ts";
import { readTopProducts, type TopProduct } from "./read-top-products.ts";
import { type Period, type PeriodInput, resolvePeriod } from "./resolve-period.ts";

export type Dashboard = {
  period: Period;
  revenue: Revenue;
  paidOrders: { value: number; link: DrillLink };
  payingUsers: { value: number; link: DrillLink };
  audience: Audience;
  subscriptions: SubscriptionFigures;
  topProducts: TopProduct[];
  flags: AttentionFlag[];
};

/**
 * The operator's dashboard for a period and a bot (or all): every figure is an SQL aggregate,
 * and each comes with the list filter that shows the rows behind it, so any number can be
 * checked against the orders, users or subscriptions it counts. Read-only; any operator may see it.
 */
export async function getDashboard(ctx: CoreContext, input: PeriodInput): Promise<Dashboard> {
  const now = ctx.clock.now();
  const period = await resolvePeriod(ctx.db, now, input);
  const revenue = await readRevenue(ctx.db, period);
  const audience = await readAudience(ctx.db, period);
  const subscriptions = await readSubscriptionFigures(ctx.db, period, now);
  const topProducts = await readTopProducts(ctx.db, period);
  const flags = await readAttentionFlags(ctx, period.botId);
  return {
    period,
    revenue,
    paidOrders: { value: revenue.paidOrders, link: drill("orders", { status: "paid" }, period) },
    payingUsers: { value: revenue.payingUsers, link: drill("orders", { status: "paid" }, period) },
    audience,
    subscriptions,
    topProducts,
    flags,
  };
}
