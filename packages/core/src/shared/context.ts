import type { AdminRole, AuditActorType, Database } from "@lumen/db";
import type { Outbox } from "../jobs/outbox.ts";

export type Clock = { now(): Date };
export const systemClock: Clock = { now: () => new Date() };

/** What every verb runs with. Built once in main.ts; tests build their own. */
export type CoreContext = {
  db: Database;
  clock: Clock;
  /** Follow-up jobs, queued on the caller's transaction. */
  outbox: Outbox;
};

/** Who is making a change: written to the audit log and checked against roles. */
export type Actor = {
  type: AuditActorType;
  id: string | null;
  role: AdminRole;
  ip?: string | null;
};

export const systemActor: Actor = { type: "system", id: null, role: "owner" };
export const cliActor: Actor = { type: "cli", id: null, role: "owner" };

/** LUMEN_TEST_CONTROLS only: a clock the end-to-end tests move forward over HTTP. */
export function createAdjustableClock(): Clock & { advance(ms: number): Date } {
  let offset = 0;
  return {
    now: () => new Date(Date.now() + offset),
    advance(ms) {
      offset += ms;
      return new Date(Date.now() + offset);
    },
  };
}
