import { type CreditReason, creditBalances, creditLedger, type Database } from "@lumen/db";
import { and, eq, gte, sql } from "drizzle-orm";
import { LumenError } from "../shared/errors.ts";
import { isUniqueViolation } from "../shared/pg-errors.ts";

export type CreditChange = {
  userId: string;
  /** Positive grants, negative spends; never zero. */
  delta: number;
  reason: CreditReason;
  idempotencyKey: string;
  note?: string | null;
  data?: Record<string, unknown>;
  /** When it happened by the core's clock (as orders and plans are dated); the database's otherwise. */
  at?: Date;
  /**
   * The key was made just now (e.g. from a new uuid) and cannot have been used: the change runs
   * directly in the caller's transaction, without the savepoint a possible replay would need.
   */
  freshKey?: boolean;
};

export type CreditEntry = {
  id: number;
  userId: string;
  delta: number;
  reason: CreditReason;
  idempotencyKey: string;
  balanceAfter: number;
  createdAt: Date;
  /** True when this key had already been applied: nothing changed this time. */
  replayed: boolean;
};

async function findEntry(db: Database, key: string): Promise<CreditEntry | undefined> {
  const [row] = await db.select().from(creditLedger).where(eq(creditLedger.idempotencyKey, key));
  return row && { ...row, replayed: true };
}

/** One change moves at most this many credits (the ledger's delta is an int4). */
export const MAX_CREDIT_CHANGE = 2_147_483_647;
/** The balance is a bigint; past this a JavaScript number is no longer exact. */
export const MAX_CREDIT_BALANCE = Number.MAX_SAFE_INTEGER;

async function applyChange(tx: Database, change: CreditChange): Promise<CreditEntry> {
  const [balance] =
    change.delta > 0
      ? await tx
          .insert(creditBalances)
          .values({ userId: change.userId, balance: change.delta })
          .onConflictDoUpdate({
            target: creditBalances.userId,
            set: { balance: sql`${creditBalances.balance} + ${change.delta}`, updatedAt: sql`now()` },
            setWhere: sql`${creditBalances.balance} <= ${MAX_CREDIT_BALANCE - change.delta}`,
          })
          .returning({ balance: creditBalances.balance })
      : await tx
          .update(creditBalances)
          .set({ balance: sql`${creditBalances.balance} + ${change.delta}`, updatedAt: sql`now()` })
          .where(and(eq(creditBalances.userId, change.userId), gte(creditBalances.balance, -change.delta)))
          .returning({ balance: creditBalances.balance });
  if (!balance && change.delta > 0) {
    throw new LumenError("CONFLICT", "The balance would pass the largest balance Lumen keeps", {
      field: "amount",
    });
  }
  if (!balance) throw new LumenError("INSUFFICIENT_CREDITS", "Not enough credits");
  const [entry] = await tx
    .insert(creditLedger)
    .values({
      userId: change.userId,
      delta: change.delta,
      reason: change.reason,
      idempotencyKey: change.idempotencyKey,
      balanceAfter: balance.balance,
      note: change.note ?? null,
      data: change.data ?? {},
      ...(change.at ? { createdAt: change.at } : {}),
    })
    .returning();
  if (!entry) throw new LumenError("INTERNAL", "The ledger row was not written");
  return { ...entry, replayed: false };
}

/**
 * The one way a balance moves: the balance row and its ledger row change together, in a
 * savepoint of the caller's transaction. A spend is a conditional UPDATE, so concurrent spends
 * can never take the balance below zero; a repeated idempotency key hits the ledger's unique
 * index, the savepoint rolls back, and the first entry is returned unchanged.
 */
export async function changeCredits(db: Database, change: CreditChange): Promise<CreditEntry> {
  if (!Number.isSafeInteger(change.delta) || change.delta === 0) {
    throw new LumenError("VALIDATION_FAILED", "amount must be a non-zero whole number", { field: "amount" });
  }
  if (Math.abs(change.delta) > MAX_CREDIT_CHANGE) {
    throw new LumenError("VALIDATION_FAILED", `amount must be at most ${MAX_CREDIT_CHANGE} either way`, {
      field: "amount",
    });
  }
  if (change.freshKey) return applyChange(db, change);
  try {
    return await db.transaction((tx) => applyChange(tx, change));
  } catch (error) {
    if (isUniqueViolation(error) || (error instanceof LumenError && error.code === "INSUFFICIENT_CREDITS")) {
      // A spend refused for lack of credits may also be the replay of one that succeeded.
      const first = await findEntry(db, change.idempotencyKey);
      if (first) {
        if (first.userId !== change.userId || first.delta !== change.delta) {
          throw new LumenError("CONFLICT", "This idempotency key was already used for another change", {
            field: "idempotency_key",
          });
        }
        return first;
      }
    }
    throw error;
  }
}
