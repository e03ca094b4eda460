import {
  currencies,
  type Database,
  orders,
  type PaymentRow,
  paymentEvents,
  paymentProviders,
  paymentStatuses,
  payments,
} from "@lumen/db";
import { and, asc, eq, gte, lt } from "drizzle-orm";
import { z } from "zod";
import {
  afterCursor,
  decodeCursor,
  orderByKey,
  type Page,
  type SortKey,
  sortText,
  toPage,
} from "../shared/keyset.ts";
import { parseInput } from "../shared/parse-input.ts";

const sortKey: SortKey = { expr: payments.createdAt, type: "timestamptz" };

const listPaymentsInput = z.object({
  provider: z.enum(paymentProviders).optional(),
  currency: z.enum(currencies).optional(),
  status: z.enum(paymentStatuses).optional(),
  orderId: z.uuid().optional(),
  userId: z.uuid().optional(),
  from: z.date().optional(),
  to: z.date().optional(),
  direction: z.enum(["asc", "desc"]).default("desc"),
  cursor: z.string().optional(),
  limit: z.number().int().min(1).max(1000).default(50),
});
export type ListPaymentsInput = z.input<typeof listPaymentsInput>;
export type PaymentListItem = PaymentRow & { userId: string; title: string };

/**
 * Money that arrived, newest first, for reconciling with a provider's own report: filter by
 * provider, currency, status, order, buyer and date, in keyset pages.
 */
export async function listPayments(db: Database, input: ListPaymentsInput): Promise<Page<PaymentListItem>> {
  const q = parseInput(listPaymentsInput, input);
  const tag = `payments:created:${q.direction}`;
  const cursor = decodeCursor(q.cursor, tag);
  const rows = await db
    .select({ payment: payments, userId: orders.userId, title: orders.title, sortValue: sortText(sortKey) })
    .from(payments)
    .innerJoin(orders, eq(orders.id, payments.orderId))
    .where(
      and(
        q.provider ? eq(payments.provider, q.provider) : undefined,
        q.currency ? eq(payments.currency, q.currency) : undefined,
        q.status ? eq(payments.status, q.status) : undefined,
        q.orderId ? eq(payments.orderId, q.orderId) : undefined,
        q.userId ? eq(orders.userId, q.userId) : undefined,
        q.from ? gte(payments.createdAt, q.from) : undefined,
        q.to ? lt(payments.createdAt, q.to) : undefined,
        afterCursor(sortKey, payments.id, q.direction, cursor),
      ),
    )
    .orderBy(...orderByKey(sortKey, payments.id, q.direction))
    .limit(q.limit + 1);
  return toPage(
    rows.map((r) => ({ ...r.payment, userId: r.userId, title: r.title, sortValue: r.sortValue })),
    q.limit,
    tag,
  );
}

/** An order's payments and every raw event the providers sent about it, oldest first. */
export async function listOrderPaymentActivity(db: Database, orderId: string) {
  const [paid, events] = await Promise.all([
    db.select().from(payments).where(eq(payments.orderId, orderId)).orderBy(asc(payments.createdAt)),
    db.select().from(paymentEvents).where(eq(paymentEvents.orderId, orderId)).orderBy(asc(paymentEvents.id)),
  ]);
  return { payments: paid, events };
}
