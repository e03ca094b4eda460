// The operators' side of the demo shop of `npm run screenshots`, done through the API as a team
// would do it in the panel: grants and deductions with reasons, a block, refunds, a partner payout,
// a second bot, more operators and API keys (every one of them lands in the audit log).
import type { Panel } from "../test/support/panel.ts";

// biome-ignore lint/suspicious/noExplicitAny: the seed reads whatever JSON each endpoint returns
export type Api = (method: string, path: string, body?: unknown) => Promise<any>;

type OperatorWork = { orderId: string; userId: string; channelId: string; productId: string };
export type Seeded = OperatorWork & {
  courseId: string;
  taskId: string;
  broadcastId: string;
  promoId: string;
};

/** What the operators did this month: grants, a block, refunds, a payout, a second bot, the team. */
export async function seedOperatorWork(
  panel: Panel,
  api: Api,
  ids: { big: string; club: number },
): Promise<OperatorWork> {
  const usersList = (await api("GET", "/api/v1/users?limit=50")).items as Array<{
    id: string;
    username: string | null;
  }>;
  const byName = (u: string) => usersList.find((x) => x.username === u)?.id as string;
  await api("POST", `/api/v1/users/${byName("dvolkov")}/credits/adjustments`, {
    amount: 50,
    reason: "Sorry for the slow answers on Tuesday",
    idempotency_key: "seed-grant-1",
  });
  await api("POST", `/api/v1/users/${byName("jwilson")}/credits/adjustments`, {
    amount: -20,
    reason: "Duplicate bonus taken back",
    idempotency_key: "seed-deduct-1",
  });
  await api("POST", `/api/v1/users/${byName("noahk")}/block`, { blocked: true });
  const orders = (await api("GET", "/api/v1/orders?status=paid&limit=100")).items as Array<{
    id: string;
    currency: string;
    user: { username: string | null };
  }>;
  for (const name of ["liamb", "katya_leb", "olga_p"]) {
    const order = orders.find((o) => o.user.username === name);
    if (order) await api("POST", `/api/v1/orders/${order.id}/refund`, { force: true });
  }
  const partner = usersList.find((u) => u.username === "aturner")?.id as string;
  await api("POST", `/api/v1/partners/${partner}/payouts`, {
    amount: 10,
    currency: "XTR",
    note: "Bank transfer",
    idempotency_key: "seed-payout-1",
  });
  const second = panel.tg.createBot({ username: "lumen_courses_bot", firstName: "Lumen Courses" });
  await api("POST", "/api/v1/bots", { token: second.token });
  await api("POST", "/api/v1/operators", { email: "maria@example.com", role: "admin" });
  await api("POST", "/api/v1/operators", { email: "support@example.com", role: "operator" });
  await api("POST", "/api/v1/api-keys", { name: "CRM sync", role: "operator" });
  const old = await api("POST", "/api/v1/api-keys", { name: "Old analytics export", role: "admin" });
  if (old?.id) await api("DELETE", `/api/v1/api-keys/${old.id}`);
  const channels = (await api("GET", "/api/v1/channels")).items as Array<{ id: string; chat_id: number }>;
  const paidOrder = orders.find((o) => o.user.username === "anna_sm") ?? orders[0];
  return {
    orderId: paidOrder?.id as string,
    userId: byName("dvolkov"),
    channelId: channels.find((c) => c.chat_id === ids.club)?.id as string,
    productId: ids.big,
  };
}
