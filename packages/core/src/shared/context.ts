import type { AdminRole, AuditActorType, Database } from "@lumen/db";

export type Clock = { now(): Date };
export const systemClock: Clock = { now: () => new Date() };

/** What every verb runs with. Built once in main.ts; tests build their own. */
export type CoreContext = {
  db: Database;
  clock: Clock;
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
