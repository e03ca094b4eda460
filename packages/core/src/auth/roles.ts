import type { AdminRole } from "@lumen/db";
import { LumenError } from "../shared/errors.ts";

const rank: Record<AdminRole, number> = { owner: 3, admin: 2, operator: 1 };

export const hasRole = (role: AdminRole, required: AdminRole): boolean => rank[role] >= rank[required];

export function requireRole(actor: { role: AdminRole }, required: AdminRole): void {
  if (!hasRole(actor.role, required)) {
    throw new LumenError("FORBIDDEN", `This needs the ${required} role; you have ${actor.role}`);
  }
}
